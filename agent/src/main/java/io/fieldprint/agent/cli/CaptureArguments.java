package io.fieldprint.agent.cli;

import io.fieldprint.protocols.passive.CaptureInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the command line's FILE arguments into capture inputs: a file as given, a folder as every
 * regular file below it, in name order (files that are no capture are then skipped by the reader).
 */
final class CaptureArguments {
  private CaptureArguments() {}

  static List<CaptureInput> expand(List<Path> arguments) {
    List<CaptureInput> inputs = new ArrayList<>();
    for (Path p : arguments) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          files.filter(Files::isRegularFile).sorted().map(CaptureInput::of).forEach(inputs::add);
        } catch (IOException e) {
          throw new UncheckedIOException(p + ": cannot list folder: " + e.getMessage(), e);
        }
      } else {
        inputs.add(CaptureInput.of(p));
      }
    }
    return inputs;
  }
}
