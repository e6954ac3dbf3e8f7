package io.fieldprint.protocols.profinet;

import java.util.List;

/** DCP option and suboption codes and their names (IEC 61158-6-10, Wireshark packet-pn-dcp.c). */
final class DcpOptions {
  static final int IP = 1;
  static final int DEVICE = 2;
  static final int DHCP = 3;
  static final int CONTROL = 5;
  static final int DEVICE_INITIATIVE = 6;
  static final int ALL = 0xFF;

  private DcpOptions() {}

  /** Readable name of an option/suboption pair; unknown codes keep their numbers. */
  static String name(int option, int suboption) {
    return switch (option) {
      case IP -> pick(suboption, List.of("reserved", "MAC", "IP parameter", "full IP suite"));
      case DEVICE -> deviceName(suboption);
      case DHCP -> "DHCP option " + suboption;
      case CONTROL ->
          pick(
              suboption,
              List.of(
                  "reserved",
                  "start transaction",
                  "end transaction",
                  "signal",
                  "response",
                  "reset factory settings",
                  "reset to factory"));
      case DEVICE_INITIATIVE ->
          suboption == 1 ? "device initiative" : "device initiative " + suboption;
      case ALL -> suboption == 0xFF ? "all selector" : "all " + suboption;
      default ->
          option >= 0x80
              ? "manufacturer specific " + option + "/" + suboption
              : "reserved " + option + "/" + suboption;
    };
  }

  private static String deviceName(int suboption) {
    return switch (suboption) {
      case 1 -> "DeviceVendorValue";
      case 2 -> "NameOfStation";
      case 3 -> "DeviceID";
      case 4 -> "DeviceRole";
      case 5 -> "DeviceOptions";
      case 6 -> "AliasName";
      case 7 -> "DeviceInstance";
      case 8 -> "OEM DeviceID";
      case 10 -> "RSI properties";
      default -> "device property " + suboption;
    };
  }

  private static String pick(int index, List<String> names) {
    return index < names.size() ? names.get(index) : "suboption " + index;
  }

  /** BlockInfo of the IP parameter block: set / DHCP / conflict bits. */
  static String ipBlockInfo(int info) {
    String base =
        switch (info & 0x7F) {
          case 0 -> "IP not set";
          case 1 -> "IP set";
          case 2 -> "IP set by DHCP";
          default -> "reserved " + (info & 0x7F);
        };
    return (info & 0x80) != 0 ? base + " (address conflict detected)" : base;
  }

  /** BlockError of a Control/Response block. */
  static String blockError(int error) {
    return switch (error) {
      case 0 -> "ok";
      case 1 -> "option unsupported";
      case 2 -> "suboption unsupported or no dataset";
      case 3 -> "suboption not set";
      case 4 -> "resource error";
      case 5 -> "set not possible by local reasons";
      case 6 -> "in operation, set not possible";
      default -> "reserved " + error;
    };
  }

  /** Names of the DeviceRole bits. */
  static List<String> roleNames(int bits) {
    String[] names = {"IO-Device", "IO-Controller", "IO-Multidevice", "PN-Supervisor"};
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      if ((bits & (1 << i)) != 0) {
        out.add(i < names.length ? names[i] : "bit " + i);
      }
    }
    return out;
  }
}
