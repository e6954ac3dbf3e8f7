package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.oui.MacAddress;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;

/**
 * An SnmpEngineID decoded per RFC 3411 (SNMP-FRAMEWORK-MIB): when the first bit is set, four octets
 * give the enterprise number (first bit cleared), the fifth the format (1 IPv4, 2 IPv6, 3 MAC, 4
 * text, 5 octets, 128-255 enterprise specific) and the rest the data; otherwise (the SNMPv1 style)
 * the first four octets are the enterprise number and eight enterprise-specific octets follow.
 *
 * @param enterprise IANA private enterprise number
 * @param format format name: ipv4, ipv6, mac, text, octets, enterprise-N, or "rfc1910" for the old
 *     style
 * @param data the data as text (address, MAC, text) or hex
 */
public record EngineId(long enterprise, String format, String data) {

  /** Decodes {@code length} octets at {@code offset}, or {@code null} when they are too short. */
  static EngineId decode(ByteBuffer b, int offset, int length) {
    if (length < 5 || length > 32) {
      return null;
    }
    long first = b.getInt(offset) & 0xFFFF_FFFFL;
    if ((first & 0x8000_0000L) == 0) {
      return new EngineId(first, "rfc1910", DeviceText.hex(b, offset + 4, length - 4, 32));
    }
    long pen = first & 0x7FFF_FFFFL;
    int format = b.get(offset + 4) & 0xFF;
    int at = offset + 5;
    int n = length - 5;
    return switch (format) {
      case 1 ->
          n == 4
              ? new EngineId(
                  pen,
                  "ipv4",
                  (b.get(at) & 0xFF)
                      + "."
                      + (b.get(at + 1) & 0xFF)
                      + "."
                      + (b.get(at + 2) & 0xFF)
                      + "."
                      + (b.get(at + 3) & 0xFF))
              : new EngineId(pen, "ipv4", DeviceText.hex(b, at, n, 32));
      case 2 -> new EngineId(pen, "ipv6", DeviceText.hex(b, at, n, 32));
      case 3 ->
          n == 6
              ? new EngineId(pen, "mac", MacAddress.format(b, at))
              : new EngineId(pen, "mac", DeviceText.hex(b, at, n, 32));
      case 4 -> new EngineId(pen, "text", DeviceText.decode(b, at, n, 27));
      case 5 -> new EngineId(pen, "octets", DeviceText.hex(b, at, n, 32));
      default ->
          new EngineId(
              pen,
              format >= 128 ? "enterprise-" + format : "reserved-" + format,
              DeviceText.hex(b, at, n, 32));
    };
  }
}
