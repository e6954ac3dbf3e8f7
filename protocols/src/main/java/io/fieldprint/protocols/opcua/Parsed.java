package io.fieldprint.protocols.opcua;

/**
 * Result of decoding one wire structure: the value, or why the bytes were not a valid encoding.
 *
 * @param <T> the decoded structure
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Malformed {

  /** A structure decoded completely. */
  record Ok<T>(T value) implements Parsed<T> {}

  /** Bytes that are not a valid encoding, with the first problem found. */
  record Malformed<T>(String reason) implements Parsed<T> {}
}
