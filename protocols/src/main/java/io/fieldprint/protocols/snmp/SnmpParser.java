package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.decode.AddressText;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Parses SNMP messages with a bounded {@link BerReader}; never throws on bad input. */
public final class SnmpParser {
  /** Upper bound on variable bindings decoded from one message. */
  static final int MAX_VARBINDS = 256;

  private SnmpParser() {}

  /** Parse result. */
  public sealed interface Result {}

  /** A v1/v2c message. */
  public record Community(SnmpMessage message) implements Result {}

  /** A v3 message (header and USM parameters). */
  public record V3(SnmpV3Header header) implements Result {}

  /** Not SNMP, or broken; {@code reason} says where. */
  public record Malformed(String reason) implements Result {}

  /** Parses the datagram from its position to its limit; does not move the position. */
  public static Result parse(ByteBuffer buffer) {
    BerReader top = new BerReader(buffer, buffer.position(), buffer.limit());
    BerTlv message = top.expect(0x30, "message");
    if (message == null) {
      return new Malformed(top.error());
    }
    BerReader r = top.enter(message);
    BerTlv version = r.expect(0x02, "version");
    Long v = version == null ? null : r.integer(version);
    if (v == null) {
      return new Malformed(version == null ? r.error() : "version INTEGER of bad length");
    }
    if (v == 3) {
      return SnmpV3Parser.parse(r);
    }
    if (v != 0 && v != 1) {
      return new Malformed("unsupported SNMP version " + v);
    }
    BerTlv community = r.expect(0x04, "community");
    if (community == null) {
      return new Malformed(r.error());
    }
    String text = latin1(buffer, community);
    BerTlv pdu = r.next();
    if (pdu == null) {
      return new Malformed("PDU: " + r.error());
    }
    if ((pdu.tag() & 0xE0) != 0xA0) {
      return new Malformed("PDU tag 0x" + Integer.toHexString(pdu.tag()) + " is not a context PDU");
    }
    BerReader p = r.enter(pdu);
    return pdu.tag() == SnmpMessage.TRAP_V1
        ? trapV1(p, v.intValue(), text)
        : generic(p, v.intValue(), text, pdu.tag());
  }

  private static Result generic(BerReader p, int version, String community, int tag) {
    Long[] ints = new Long[3];
    String[] names = {"request-id", "error-status", "error-index"};
    for (int i = 0; i < 3; i++) {
      BerTlv t = p.expect(0x02, names[i]);
      ints[i] = t == null ? null : p.integer(t);
      if (ints[i] == null) {
        return new Malformed(t == null ? p.error() : names[i] + " INTEGER of bad length");
      }
    }
    List<VarBind> binds = new ArrayList<>();
    String problem = varBinds(p, binds);
    if (problem != null) {
      return new Malformed(problem);
    }
    return new Community(
        new SnmpMessage(version, community, tag, ints[0], ints[1], ints[2], null, binds));
  }

  private static Result trapV1(BerReader p, int version, String community) {
    BerTlv enterprise = p.expect(0x06, "enterprise");
    String oid = enterprise == null ? null : oid(p.buffer(), enterprise);
    BerTlv agent = oid == null ? null : p.expect(0x40, "agent-addr");
    if (oid == null || agent == null || agent.length() != 4) {
      return new Malformed(
          "v1 trap header: " + (p.error() != null ? p.error() : "bad enterprise or agent-addr"));
    }
    String address = AddressText.ipv4(p.buffer(), agent.offset());
    Long[] ints = new Long[3];
    int[] tags = {0x02, 0x02, 0x43};
    for (int i = 0; i < 3; i++) {
      BerTlv t = p.expect(tags[i], "trap field");
      ints[i] = t == null ? null : i < 2 ? p.integer(t) : p.unsigned(t);
      if (ints[i] == null) {
        return new Malformed("v1 trap header: " + (t == null ? p.error() : "bad INTEGER"));
      }
    }
    List<VarBind> binds = new ArrayList<>();
    String problem = varBinds(p, binds);
    if (problem != null) {
      return new Malformed(problem);
    }
    SnmpMessage.TrapV1 trap = new SnmpMessage.TrapV1(oid, address, ints[0], ints[1], ints[2]);
    return new Community(
        new SnmpMessage(version, community, SnmpMessage.TRAP_V1, 0, 0, 0, trap, binds));
  }

  private static String varBinds(BerReader p, List<VarBind> out) {
    BerTlv list = p.expect(0x30, "variable-bindings");
    if (list == null) {
      return p.error();
    }
    BerReader l = p.enter(list);
    if (l == null) {
      return p.error();
    }
    while (l.hasMore()) {
      if (out.size() == MAX_VARBINDS) {
        return null;
      }
      BerTlv bind = l.expect(0x30, "VarBind");
      BerReader vb = bind == null ? null : l.enter(bind);
      if (vb == null) {
        return l.error();
      }
      BerTlv name = vb.expect(0x06, "VarBind name");
      String oid = name == null ? null : oid(vb.buffer(), name);
      BerTlv value = oid == null ? null : vb.next();
      if (value == null) {
        return "VarBind: " + (vb.error() != null ? vb.error() : "bad OID");
      }
      out.add(value(vb, oid, value));
    }
    return null;
  }

  private static VarBind value(BerReader r, String oid, BerTlv t) {
    ByteBuffer b = r.buffer();
    return switch (t.tag()) {
      case 0x02 -> new VarBind(oid, "integer", r.integer(t));
      case 0x04 -> new VarBind(oid, "octetString", octets(b, t));
      case 0x05 -> new VarBind(oid, "null", null);
      case 0x06 -> new VarBind(oid, "objectIdentifier", oid(b, t));
      case 0x40 ->
          new VarBind(
              oid, "ipAddress", t.length() == 4 ? AddressText.ipv4(b, t.offset()) : hex(b, t));
      case 0x41 -> new VarBind(oid, "counter32", r.unsigned(t));
      case 0x42 -> new VarBind(oid, "gauge32", r.unsigned(t));
      case 0x43 -> new VarBind(oid, "timeTicks", r.unsigned(t));
      case 0x44 -> new VarBind(oid, "opaque", hex(b, t));
      case 0x46 -> new VarBind(oid, "counter64", counter64(r.unsigned(t)));
      case 0x80 -> new VarBind(oid, "noSuchObject", null);
      case 0x81 -> new VarBind(oid, "noSuchInstance", null);
      case 0x82 -> new VarBind(oid, "endOfMibView", null);
      default -> new VarBind(oid, String.format("tag-0x%02x", t.tag()), hex(b, t));
    };
  }

  private static Object counter64(Long v) {
    return v == null || v >= 0 ? v : new BigInteger(Long.toUnsignedString(v));
  }

  /** Octet strings: printable text when they look like text, otherwise hex. */
  static String octets(ByteBuffer b, BerTlv t) {
    int controls = 0;
    for (int i = 0; i < t.length(); i++) {
      int c = b.get(t.offset() + i) & 0xFF;
      if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' && !(c == 0 && i == t.length() - 1)) {
        controls++;
      }
    }
    return controls == 0 ? DeviceText.decode(b, t.offset(), t.length(), 1024) : "0x" + hex(b, t);
  }

  static String latin1(ByteBuffer b, BerTlv t) {
    StringBuilder s = new StringBuilder(Math.min(t.length(), 255));
    for (int i = 0; i < Math.min(t.length(), 255); i++) {
      s.append((char) (b.get(t.offset() + i) & 0xFF));
    }
    return s.toString();
  }

  static String oid(ByteBuffer b, BerTlv t) {
    return ObjectIdentifiers.toDotted(b, t.offset(), t.length());
  }

  private static String hex(ByteBuffer b, BerTlv t) {
    return DeviceText.hex(b, t.offset(), t.length(), 256);
  }
}
