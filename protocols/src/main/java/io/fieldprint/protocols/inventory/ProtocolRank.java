package io.fieldprint.protocols.inventory;

import java.util.List;

/**
 * How specific each protocol's identity data is, most specific first: a controller's own module
 * identification (S7 SZL, CIP Identity, PROFINET DCP) beats a Modbus identification object, which
 * beats an OPC UA server's description of its software, which beats free-text system descriptions.
 */
final class ProtocolRank {
  private static final List<String> ORDER =
      List.of("s7comm", "enip", "profinet", "modbus", "opcua", "lldp", "snmp", "http", "ftp");

  private ProtocolRank() {}

  static int of(String protocol) {
    int i = protocol == null ? -1 : ORDER.indexOf(protocol);
    return i < 0 ? ORDER.size() : i;
  }
}
