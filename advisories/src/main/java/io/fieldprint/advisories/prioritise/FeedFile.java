package io.fieldprint.advisories.prioritise;

/** The outcome of reading a KEV or EPSS file: its content or why it cannot be used. */
public sealed interface FeedFile<T> permits FeedFile.Parsed, FeedFile.Rejected {

  /**
   * A file that was read.
   *
   * @param <T> the content
   */
  non-sealed interface Parsed<T> extends FeedFile<T> {
    /** The content. */
    T value();
  }

  /**
   * A file that cannot be used.
   *
   * @param reason what was wrong, with the line or member
   */
  record Rejected<T>(String reason) implements FeedFile<T> {}
}
