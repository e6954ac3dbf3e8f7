package io.fieldprint.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Writes a command's text to {@code --out FILE} or standard output. */
final class TextOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TextOutput() {}

  static void write(String text, Path out, CommandLine cli) throws IOException {
    if (out != null) {
      Files.writeString(out, text);
    } else {
      cli.getOut().print(text);
      cli.getOut().flush();
    }
  }

  /** Pretty JSON of maps, lists and scalars, ending with a newline. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
