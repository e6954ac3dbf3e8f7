package io.fieldprint.protocols.inventory;

/** Input that is not a readable inventory document. */
public final class InventoryFormatException extends RuntimeException {
  public InventoryFormatException(String message) {
    super(message);
  }
}
