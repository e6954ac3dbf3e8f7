package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.sysdescr.DeviceText;

/** Reads the header data and USM security parameters of an SNMPv3 message (RFC 3412, 3414). */
final class SnmpV3Parser {
  private SnmpV3Parser() {}

  /** {@code r} is positioned after msgVersion. */
  static SnmpParser.Result parse(BerReader r) {
    BerTlv global = r.expect(0x30, "msgGlobalData");
    BerReader g = global == null ? null : r.enter(global);
    if (g == null) {
      return new SnmpParser.Malformed("v3 " + r.error());
    }
    long[] ints = new long[2];
    for (int i = 0; i < 2; i++) {
      BerTlv t = g.expect(0x02, i == 0 ? "msgID" : "msgMaxSize");
      Long v = t == null ? null : g.integer(t);
      if (v == null) {
        return new SnmpParser.Malformed("v3 header: " + (t == null ? g.error() : "bad INTEGER"));
      }
      ints[i] = v;
    }
    BerTlv flags = g.expect(0x04, "msgFlags");
    BerTlv model = flags == null ? null : g.expect(0x02, "msgSecurityModel");
    Long securityModel = model == null ? null : g.integer(model);
    if (flags == null || flags.length() != 1 || securityModel == null) {
      return new SnmpParser.Malformed(
          "v3 header: " + (g.error() != null ? g.error() : "bad msgFlags"));
    }
    int flagBits = r.buffer().get(flags.offset()) & 0xFF;
    BerTlv params = r.expect(0x04, "msgSecurityParameters");
    if (params == null) {
      return new SnmpParser.Malformed("v3 " + r.error());
    }
    SnmpV3Header empty =
        new SnmpV3Header(ints[0], ints[1], flagBits, securityModel, null, null, -1, -1, null);
    return securityModel == 3 && params.length() > 0
        ? usm(r, params, empty)
        : new SnmpParser.V3(empty);
  }

  private static SnmpParser.Result usm(BerReader r, BerTlv params, SnmpV3Header h) {
    BerReader outer = new BerReader(r.buffer(), params.offset(), params.end());
    BerTlv seq = outer.expect(0x30, "UsmSecurityParameters");
    BerReader u = seq == null ? null : r.enter(seq);
    if (u == null) {
      return new SnmpParser.Malformed("v3 USM: " + outer.error());
    }
    BerTlv engine = u.expect(0x04, "msgAuthoritativeEngineID");
    BerTlv boots = engine == null ? null : u.expect(0x02, "msgAuthoritativeEngineBoots");
    BerTlv time = boots == null ? null : u.expect(0x02, "msgAuthoritativeEngineTime");
    BerTlv user = time == null ? null : u.expect(0x04, "msgUserName");
    if (user == null) {
      return new SnmpParser.Malformed("v3 USM: " + u.error());
    }
    Long b = u.integer(boots);
    Long t = u.integer(time);
    String engineHex =
        engine.length() == 0
            ? null
            : DeviceText.hex(r.buffer(), engine.offset(), engine.length(), 32);
    return new SnmpParser.V3(
        new SnmpV3Header(
            h.msgId(),
            h.maxSize(),
            h.flags(),
            h.securityModel(),
            engineHex,
            EngineId.decode(r.buffer(), engine.offset(), engine.length()),
            b == null ? -1 : b,
            t == null ? -1 : t,
            user.length() == 0
                ? null
                : DeviceText.decode(r.buffer(), user.offset(), user.length(), 32)));
  }
}
