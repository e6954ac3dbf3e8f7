package io.fieldprint.protocols.capture;

import java.io.IOException;

/**
 * The file is not a capture fieldprint can read (empty, truncated header, unknown magic). The
 * message is one line naming the file and the reason. Damage after a valid header is not an
 * exception but a {@link io.fieldprint.protocols.decode.DecodeWarning}.
 */
public final class CaptureFormatException extends IOException {
  private final boolean unknownFormat;

  public CaptureFormatException(String captureName, String reason) {
    this(captureName, reason, false);
  }

  /**
   * @param unknownFormat the file does not start like any capture format (as opposed to a capture
   *     whose header is damaged)
   */
  public CaptureFormatException(String captureName, String reason, boolean unknownFormat) {
    super(captureName + ": " + reason);
    this.unknownFormat = unknownFormat;
  }

  /** Whether the file is not a capture at all, rather than a damaged one. */
  public boolean unknownFormat() {
    return unknownFormat;
  }
}
