package io.fieldprint.protocols.snmp;

import java.nio.ByteBuffer;

/**
 * A bounded BER reader over a region of a buffer. Only what SNMP needs: single-octet tags, definite
 * lengths (short form, or long form of at most {@link #MAX_LENGTH_OCTETS} octets), every length
 * checked against the enclosing region. Nothing is thrown: {@link #next} returns {@code null} and
 * {@link #error} says why.
 */
final class BerReader {
  static final int MAX_LENGTH_OCTETS = 3;
  static final int MAX_DEPTH = 8;

  private final ByteBuffer b;
  private final int end;
  private final int depth;
  private int at;
  private String error;

  BerReader(ByteBuffer buffer, int from, int to) {
    this(buffer, from, to, 0);
  }

  private BerReader(ByteBuffer buffer, int from, int to, int depth) {
    this.b = buffer;
    this.at = from;
    this.end = to;
    this.depth = depth;
  }

  /** Whether bytes remain in this region. */
  boolean hasMore() {
    return at < end;
  }

  /** Offset of the next unread byte. */
  int position() {
    return at;
  }

  /** Why the last read failed, or {@code null}. */
  String error() {
    return error;
  }

  /** The next TLV, or {@code null} (see {@link #error}). */
  BerTlv next() {
    if (at + 2 > end) {
      return fail("truncated TLV header at offset " + at);
    }
    int tag = b.get(at) & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      return fail("multi-octet tag " + Integer.toHexString(tag) + " not supported");
    }
    int first = b.get(at + 1) & 0xFF;
    int headerLength = 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else if (first == 0x80) {
      return fail("indefinite length at offset " + at);
    } else {
      int n = first & 0x7F;
      if (n > MAX_LENGTH_OCTETS) {
        return fail(n + "-octet length at offset " + at + " exceeds the limit");
      }
      if (at + 2 + n > end) {
        return fail("truncated length at offset " + at);
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (b.get(at + 2 + i) & 0xFF);
      }
      headerLength += n;
    }
    int contents = at + headerLength;
    if (length > end - contents) {
      return fail("length " + length + " at offset " + at + " runs past the data");
    }
    at = contents + (int) length;
    return new BerTlv(tag, contents, (int) length);
  }

  /** The next TLV if it has tag {@code tag}, else {@code null} with an error. */
  BerTlv expect(int tag, String what) {
    BerTlv t = next();
    if (t != null && t.tag() != tag) {
      return fail(
          what
              + ": expected tag "
              + Integer.toHexString(tag)
              + ", got "
              + Integer.toHexString(t.tag()));
    }
    return t == null ? fail(what + ": " + error) : t;
  }

  /** A reader for the contents of constructed {@code tlv}, or {@code null} past the depth limit. */
  BerReader enter(BerTlv tlv) {
    if (depth + 1 > MAX_DEPTH) {
      error = "nesting deeper than " + MAX_DEPTH;
      return null;
    }
    return new BerReader(b, tlv.offset(), tlv.end(), depth + 1);
  }

  /**
   * The INTEGER contents of {@code tlv} (at most 8 octets), or {@code null} when too long/empty.
   */
  Long integer(BerTlv tlv) {
    if (tlv.length() < 1 || tlv.length() > 8) {
      return null;
    }
    long v = b.get(tlv.offset());
    for (int i = 1; i < tlv.length(); i++) {
      v = (v << 8) | (b.get(tlv.offset() + i) & 0xFF);
    }
    return v;
  }

  /** Unsigned contents (Counter32, Gauge32, TimeTicks, Counter64), at most 9 octets. */
  Long unsigned(BerTlv tlv) {
    if (tlv.length() < 1 || tlv.length() > 9 || (tlv.length() == 9 && b.get(tlv.offset()) != 0)) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < tlv.length(); i++) {
      v = (v << 8) | (b.get(tlv.offset() + i) & 0xFF);
    }
    return v;
  }

  ByteBuffer buffer() {
    return b;
  }

  private BerTlv fail(String message) {
    error = message;
    return null;
  }
}
