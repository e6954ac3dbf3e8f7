package io.fieldprint.protocols.snmp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Test-side BER encoder for SNMP messages. */
final class Ber {
  private Ber() {}

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.size();
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >>> 8);
      out.write(n & 0xFF);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  static byte[] seq(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] integer(long v) {
    return tlv(0x02, BigInteger.valueOf(v).toByteArray());
  }

  static byte[] unsigned(int tag, long v) {
    return tlv(tag, new BigInteger(Long.toUnsignedString(v)).toByteArray());
  }

  static byte[] octets(String s) {
    return tlv(0x04, s.getBytes(StandardCharsets.ISO_8859_1));
  }

  static byte[] raw(int tag, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return tlv(tag, b);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long v = Long.parseLong(arcs[i]);
      byte[] tmp = new byte[10];
      int n = 0;
      do {
        tmp[n++] = (byte) (v & 0x7F);
        v >>>= 7;
      } while (v != 0);
      for (int j = n - 1; j >= 0; j--) {
        out.write(tmp[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  static byte[] varBind(String oid, byte[] value) {
    return seq(oid(oid), value);
  }

  /** A v1/v2c message with a request-id/error PDU. */
  static byte[] message(int version, String community, int pduTag, byte[]... varBinds) {
    return seq(
        integer(version),
        octets(community),
        tlv(pduTag, integer(7), integer(0), integer(0), seq(varBinds)));
  }
}
