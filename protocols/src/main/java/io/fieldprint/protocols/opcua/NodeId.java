package io.fieldprint.protocols.opcua;

import java.util.Base64;

/**
 * NodeId (Part 6 §5.2.2.9): a namespace index and an identifier that is numeric, a String, a Guid
 * or an opaque ByteString. Encoded as one encoding byte then, by form: two-byte (UInt8 id),
 * four-byte (UInt8 namespace, UInt16 id), numeric (UInt16 namespace, UInt32 id), string (UInt16
 * namespace, String), guid (UInt16 namespace, 16-byte Guid), opaque (UInt16 namespace, ByteString).
 *
 * @param namespaceIndex namespace index (0 = the OPC UA namespace)
 * @param kind the identifier type
 * @param numeric the identifier when {@code kind} is {@link Kind#NUMERIC}, else 0
 * @param text the identifier as text for the other kinds (Guid text, base64 for opaque), else
 *     {@code null}
 */
public record NodeId(int namespaceIndex, Kind kind, long numeric, String text) {

  /** Identifier types. */
  public enum Kind {
    NUMERIC,
    STRING,
    GUID,
    OPAQUE
  }

  /** Opaque identifiers longer than this are kept as a prefix. */
  private static final int MAX_OPAQUE_KEPT = 64;

  public static final NodeId NULL = numeric(0, 0);

  public static NodeId numeric(int namespaceIndex, long id) {
    return new NodeId(namespaceIndex, Kind.NUMERIC, id, null);
  }

  /** Whether this is {@code i=id} in namespace 0. */
  public boolean isNs0(long id) {
    return namespaceIndex == 0 && kind == Kind.NUMERIC && numeric == id;
  }

  /** Reads a NodeId; ExpandedNodeId flag bits in the encoding byte make it malformed. */
  public static NodeId read(UaBinaryReader r) {
    int encoding = r.readByte();
    if ((encoding & 0xC0) != 0) {
      r.fail(
          "NodeId encoding byte 0x" + Integer.toHexString(encoding) + " has ExpandedNodeId flags");
      return NULL;
    }
    return readBody(r, encoding);
  }

  /**
   * Moves past a NodeId without allocating: returns its identifier when it is a namespace-0 numeric
   * NodeId, -1 otherwise (and on malformed input).
   */
  public static long skipToNs0Numeric(UaBinaryReader r) {
    int encoding = r.readByte();
    if ((encoding & 0xC0) != 0) {
      r.fail(
          "NodeId encoding byte 0x" + Integer.toHexString(encoding) + " has ExpandedNodeId flags");
      return -1;
    }
    return skipBody(r, encoding);
  }

  /** Like {@link #skipToNs0Numeric} for the part after the encoding byte. */
  static long skipBody(UaBinaryReader r, int encoding) {
    switch (encoding & 0x3F) {
      case 0:
        return r.readByte();
      case 1:
        {
          int ns = r.readByte();
          int id = r.readUInt16();
          return ns == 0 && !r.failed() ? id : -1;
        }
      case 2:
        {
          int ns = r.readUInt16();
          long id = r.readUInt32();
          return ns == 0 && !r.failed() ? id : -1;
        }
      case 3:
      case 5:
        r.readUInt16();
        r.skipString();
        return -1;
      case 4:
        r.skip(18);
        return -1;
      default:
        r.fail("NodeId encoding " + (encoding & 0x3F));
        return -1;
    }
  }

  /** Reads the part after the encoding byte; {@code encoding} is the byte without flag bits. */
  static NodeId readBody(UaBinaryReader r, int encoding) {
    switch (encoding & 0x3F) {
      case 0:
        return numeric(0, r.readByte());
      case 1:
        {
          int ns = r.readByte();
          return numeric(ns, r.readUInt16());
        }
      case 2:
        {
          int ns = r.readUInt16();
          return numeric(ns, r.readUInt32());
        }
      case 3:
        {
          int ns = r.readUInt16();
          return new NodeId(ns, Kind.STRING, 0, r.readString());
        }
      case 4:
        {
          int ns = r.readUInt16();
          Object guid = r.readGuid();
          return new NodeId(ns, Kind.GUID, 0, String.valueOf(guid));
        }
      case 5:
        return readOpaque(r);
      default:
        r.fail("NodeId encoding " + (encoding & 0x3F));
        return NULL;
    }
  }

  private static NodeId readOpaque(UaBinaryReader r) {
    int ns = r.readUInt16();
    byte[] kept = r.readByteStringPrefix(MAX_OPAQUE_KEPT);
    return new NodeId(
        ns, Kind.OPAQUE, 0, kept == null ? null : Base64.getEncoder().encodeToString(kept));
  }

  /** The standard text form: {@code i=2256}, {@code ns=1;s=the.answer}. */
  @Override
  public String toString() {
    String ns = namespaceIndex == 0 ? "" : "ns=" + namespaceIndex + ";";
    switch (kind) {
      case NUMERIC:
        return ns + "i=" + numeric;
      case STRING:
        return ns + "s=" + text;
      case GUID:
        return ns + "g=" + text;
      default:
        return ns + "b=" + text;
    }
  }
}
