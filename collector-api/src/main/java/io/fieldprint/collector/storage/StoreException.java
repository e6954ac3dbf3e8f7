package io.fieldprint.collector.storage;

/** The database failed (connection lost, constraint the caller could not foresee). */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
