package io.fieldprint.protocols.model;

/**
 * The addresses by which one observation names a device. At least one of {@code mac} and {@code ip}
 * is set.
 *
 * @param mac lower-case colon-separated MAC address ({@code 00:1b:1b:12:34:56}), or {@code null}
 * @param ip IPv4 dotted quad or RFC 5952 IPv6 text, or {@code null}
 */
public record DeviceRef(String mac, String ip) {
  public DeviceRef {
    if (mac == null && ip == null) {
      throw new IllegalArgumentException("a device reference needs a MAC or an IP address");
    }
  }

  public static DeviceRef of(String mac, String ip) {
    return new DeviceRef(mac, ip);
  }

  @Override
  public String toString() {
    return mac == null ? ip : ip == null ? mac : mac + "/" + ip;
  }
}
