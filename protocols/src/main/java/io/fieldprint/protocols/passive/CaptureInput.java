package io.fieldprint.protocols.passive;

import java.nio.file.Path;

/**
 * A capture file to read.
 *
 * @param path where it is
 * @param name how evidence names it ({@code name#frame=12}); usually the path as the user typed it
 */
public record CaptureInput(Path path, String name) {

  public static CaptureInput of(Path path) {
    return new CaptureInput(path, path.toString());
  }
}
