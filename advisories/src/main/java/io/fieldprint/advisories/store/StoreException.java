package io.fieldprint.advisories.store;

/** The advisory store could not be opened, read or written; the message says which and why. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
