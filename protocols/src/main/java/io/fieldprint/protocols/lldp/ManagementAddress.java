package io.fieldprint.protocols.lldp;

/**
 * Management Address TLV (8): address string length u8, subtype u8 (IANA family), address,
 * interface numbering subtype u8, interface number u32, OID string length u8, OID (IEEE 802.1AB
 * 8.5.9).
 *
 * @param family IANA address family (1 IPv4, 2 IPv6, 6 IEEE 802 MAC)
 * @param address the address as text (dotted quad, RFC 5952, MAC, or hex)
 * @param interfaceNumbering 1 unknown, 2 ifIndex, 3 system port number
 * @param interfaceNumber the interface number
 * @param oid object identifier in dotted form, or {@code null}
 */
public record ManagementAddress(
    int family, String address, int interfaceNumbering, long interfaceNumber, String oid) {

  /** The IPv4 address when it names a host (not 0.0.0.0), else {@code null}. */
  public String usableIpv4() {
    return family == 1 && !"0.0.0.0".equals(address) ? address : null;
  }
}
