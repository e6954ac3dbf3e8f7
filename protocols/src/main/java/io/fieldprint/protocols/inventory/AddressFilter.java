package io.fieldprint.protocols.inventory;

/** Which addresses can name a single device, and which are per-capture (loopback). */
final class AddressFilter {
  private AddressFilter() {}

  /** Group and broadcast MACs (I/G bit set) and the all-zero MAC name no single device. */
  static boolean isUnicastMac(String mac) {
    if (mac == null || mac.length() != 17 || mac.equals("00:00:00:00:00:00")) {
      return false;
    }
    int first = Character.digit(mac.charAt(1), 16);
    return first >= 0 && (first & 1) == 0;
  }

  /** Unspecified, broadcast and multicast IPs name no single device. */
  static boolean isUnicastIp(String ip) {
    if (ip == null || ip.isEmpty()) {
      return false;
    }
    if (ip.indexOf(':') >= 0) {
      String lower = ip.toLowerCase(java.util.Locale.ROOT);
      return !lower.equals("::") && !lower.startsWith("ff");
    }
    if (ip.equals("0.0.0.0") || ip.equals("255.255.255.255")) {
      return false;
    }
    int dot = ip.indexOf('.');
    int firstOctet = dot > 0 ? Integer.parseInt(ip.substring(0, dot)) : -1;
    return firstOctet < 224;
  }

  static boolean isLoopback(String ip) {
    return ip != null && (ip.startsWith("127.") || ip.equals("::1"));
  }
}
