package io.fieldprint.protocols.decode;

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
}
