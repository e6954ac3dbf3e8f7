package io.fieldprint.protocols.lldp;

import io.fieldprint.protocols.decode.AddressText;
import io.fieldprint.protocols.oui.MacAddress;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;

/**
 * A Chassis ID (TLV 1) or Port ID (TLV 2): subtype u8 + value (IEEE 802.1AB 8.5.2, 8.5.3).
 *
 * @param subtype subtype code
 * @param subtypeName name of the subtype in the standard's words
 * @param value the value as text: MAC formatted, network address as "ipv4:a.b.c.d" style, strings
 *     cleaned, other binary as hex
 * @param mac the MAC when the subtype is "MAC address", else {@code null}
 */
public record LldpId(int subtype, String subtypeName, String value, String mac) {

  private static final String[] CHASSIS = {
    "reserved",
    "chassis component",
    "interface alias",
    "port component",
    "MAC address",
    "network address",
    "interface name",
    "locally assigned"
  };
  private static final String[] PORT = {
    "reserved",
    "interface alias",
    "port component",
    "MAC address",
    "network address",
    "interface name",
    "agent circuit id",
    "locally assigned"
  };

  /** Chassis subtype "locally assigned" (PROFINET puts the NameOfStation here). */
  public static final int CHASSIS_LOCAL = 7;

  static LldpId chassis(ByteBuffer b, int at, int length) {
    return decode(b, at, length, CHASSIS, 4, 5);
  }

  static LldpId port(ByteBuffer b, int at, int length) {
    return decode(b, at, length, PORT, 3, 4);
  }

  private static LldpId decode(
      ByteBuffer b, int at, int length, String[] names, int macSubtype, int addressSubtype) {
    int subtype = b.get(at) & 0xFF;
    String name = subtype < names.length ? names[subtype] : "reserved " + subtype;
    int v = at + 1;
    int n = length - 1;
    if (subtype == macSubtype && n == 6) {
      String mac = MacAddress.format(b, v);
      return new LldpId(subtype, name, mac, mac);
    }
    if (subtype == addressSubtype && n >= 1) {
      return new LldpId(subtype, name, networkAddress(b, v, n), null);
    }
    if (subtype == macSubtype
        || subtype == addressSubtype
        || subtype == 0
        || subtype >= names.length) {
      return new LldpId(subtype, name, DeviceText.hex(b, v, n, 255), null);
    }
    return new LldpId(subtype, name, DeviceText.decode(b, v, n), null);
  }

  /** IANA address family byte + address: "ipv4:10.0.0.1", "ipv6:fe80::1", "mac:…" or "afN:hex". */
  static String networkAddress(ByteBuffer b, int at, int length) {
    int family = b.get(at) & 0xFF;
    int n = length - 1;
    if (family == 1 && n == 4) {
      return "ipv4:" + AddressText.ipv4(b, at + 1);
    }
    if (family == 2 && n == 16) {
      return "ipv6:" + AddressText.ipv6(b, at + 1);
    }
    if (family == 6 && n == 6) {
      return "mac:" + MacAddress.format(b, at + 1);
    }
    return "af" + family + ":" + DeviceText.hex(b, at + 1, n, 64);
  }
}
