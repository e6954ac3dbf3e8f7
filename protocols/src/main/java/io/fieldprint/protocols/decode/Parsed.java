package io.fieldprint.protocols.decode;

import java.util.List;

/**
 * Outcome of decoding one wire structure from untrusted bytes: the structure, or why the bytes were
 * not one. Decoders return it instead of throwing.
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Malformed {

  record Ok<T>(T value) implements Parsed<T> {}

  record Malformed<T>(String reason) implements Parsed<T> {}

  static <T> Parsed<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Parsed<T> malformed(String reason) {
    return new Malformed<>(reason);
  }

  /** The value, or {@code null} after adding to {@code problems} why there is none. */
  static <T> T take(Parsed<T> parsed, List<String> problems) {
    if (parsed instanceof Ok<T> ok) {
      return ok.value();
    }
    problems.add(((Malformed<T>) parsed).reason());
    return null;
  }
}
