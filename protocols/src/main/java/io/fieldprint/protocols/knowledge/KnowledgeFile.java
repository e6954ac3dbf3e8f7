package io.fieldprint.protocols.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads a knowledge file shipped on the classpath (from {@code config/knowledge/}, packaged under
 * {@code io/fieldprint/knowledge/}). A missing or malformed file is a packaging error, not bad
 * input: it fails loudly, naming the file.
 */
public final class KnowledgeFile {

  /** Parses a knowledge file's bytes. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  private KnowledgeFile() {}

  public static <T> T load(String resource, Parser<T> parser) {
    try (InputStream in = KnowledgeFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing knowledge file " + resource);
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read knowledge file " + resource, e);
    }
  }
}
