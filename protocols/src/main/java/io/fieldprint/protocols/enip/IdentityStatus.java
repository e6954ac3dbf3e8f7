package io.fieldprint.protocols.enip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Identity object's status WORD (attribute 5) and state (attribute 8), CIP Vol. 1 §5-2: bit 0
 * owned, bit 2 configured, bits 4-7 extended device status, bit 8 minor recoverable fault, bit 9
 * minor unrecoverable fault, bit 10 major recoverable fault, bit 11 major unrecoverable fault, bits
 * 12-15 extended device status 2.
 */
final class IdentityStatus {
  private IdentityStatus() {}

  static Map<String, Object> flags(int status) {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("owned", (status & 0x0001) != 0);
    flags.put("configured", (status & 0x0004) != 0);
    int extended = (status >> 4) & 0x0F;
    flags.put("extendedDeviceStatus", extended);
    flags.put("extendedDeviceStatusName", extendedStatusName(extended));
    flags.put("minorRecoverableFault", (status & 0x0100) != 0);
    flags.put("minorUnrecoverableFault", (status & 0x0200) != 0);
    flags.put("majorRecoverableFault", (status & 0x0400) != 0);
    flags.put("majorUnrecoverableFault", (status & 0x0800) != 0);
    flags.put("extendedDeviceStatus2", (status >> 12) & 0x0F);
    return flags;
  }

  static String extendedStatusName(int value) {
    return switch (value) {
      case 0 -> "Self-Testing or Unknown";
      case 1 -> "Firmware Update in Progress";
      case 2 -> "At Least One Faulted I/O Connection";
      case 3 -> "No I/O Connections Established";
      case 4 -> "Non-Volatile Configuration Bad";
      case 5 -> "Major Fault";
      case 6 -> "At Least One I/O Connection in Run Mode";
      case 7 -> "At Least One I/O Connection in Idle Mode";
      default -> "Vendor or Reserved (" + value + ")";
    };
  }

  static String stateName(int state) {
    return switch (state) {
      case 0 -> "Nonexistent";
      case 1 -> "Device Self Testing";
      case 2 -> "Standby";
      case 3 -> "Operational";
      case 4 -> "Major Recoverable Fault";
      case 5 -> "Major Unrecoverable Fault";
      case 255 -> "Default for Get_Attributes_All";
      default -> "Reserved (" + state + ")";
    };
  }
}
