package io.fieldprint.protocols.snmp;

import java.nio.ByteBuffer;

/** Text form of BER-encoded OBJECT IDENTIFIER contents (X.690 8.19), bounded. */
public final class ObjectIdentifiers {
  /** Longest OID accepted, in arcs. */
  public static final int MAX_ARCS = 64;

  private ObjectIdentifiers() {}

  /**
   * The dotted form of the {@code length} content bytes at absolute {@code offset}, or {@code null}
   * when they are not a valid OID (empty, truncated arc, arc over 2^63, more than 64 arcs).
   */
  public static String toDotted(ByteBuffer b, int offset, int length) {
    if (length <= 0 || offset + length > b.limit()) {
      return null;
    }
    StringBuilder out = new StringBuilder(length * 3);
    long arc = 0;
    int arcBytes = 0;
    int arcs = 0;
    for (int i = 0; i < length; i++) {
      int v = b.get(offset + i) & 0xFF;
      if (arcBytes == 0 && v == 0x80) {
        return null;
      }
      if (++arcBytes > 9) {
        return null;
      }
      arc = (arc << 7) | (v & 0x7F);
      if ((v & 0x80) == 0) {
        if (++arcs > MAX_ARCS) {
          return null;
        }
        appendArc(out, arc, arcs == 1);
        arc = 0;
        arcBytes = 0;
      }
    }
    return arcBytes == 0 ? out.toString() : null;
  }

  private static void appendArc(StringBuilder out, long arc, boolean first) {
    if (first) {
      long top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
      out.append(top).append('.').append(arc - 40 * top);
    } else {
      out.append('.').append(arc);
    }
  }
}
