package io.fieldprint.protocols.snmp;

/**
 * One BER TLV (X.690): identifier octet, definite length, contents.
 *
 * @param tag the single identifier octet (class, constructed bit and tag number)
 * @param offset absolute offset of the contents in the buffer
 * @param length length of the contents
 */
public record BerTlv(int tag, int offset, int length) {

  /** Offset just past the contents. */
  public int end() {
    return offset + length;
  }

  /** Whether the constructed bit (0x20) is set. */
  public boolean constructed() {
    return (tag & 0x20) != 0;
  }
}
