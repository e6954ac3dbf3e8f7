package io.fieldprint.protocols.replay;

/** One test PDU and its direction. */
public record Pdu(boolean fromServer, byte[] bytes) {
  public static Pdu request(byte[] bytes) {
    return new Pdu(false, bytes);
  }

  public static Pdu response(byte[] bytes) {
    return new Pdu(true, bytes);
  }
}
