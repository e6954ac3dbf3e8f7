package io.fieldprint.protocols.modbus;

/** Outcome of decoding one wire structure: the structure, or why the bytes were not one. */
sealed interface Parsed<T> permits Parsed.Ok, Parsed.Malformed {

  record Ok<T>(T value) implements Parsed<T> {}

  record Malformed<T>(String reason) implements Parsed<T> {}

  static <T> Parsed<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Parsed<T> malformed(String reason) {
    return new Malformed<>(reason);
  }
}
