package io.fieldprint.protocols.capture;

import java.io.IOException;

/**
 * The file is not a capture fieldprint can read (empty, truncated header, unknown magic). The
 * message is one line naming the file and the reason. Damage after a valid header is not an
 * exception but a {@link io.fieldprint.protocols.decode.DecodeWarning}.
 */
public final class CaptureFormatException extends IOException {

  public CaptureFormatException(String captureName, String reason) {
    super(captureName + ": " + reason);
  }
}
