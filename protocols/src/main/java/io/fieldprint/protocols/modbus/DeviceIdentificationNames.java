package io.fieldprint.protocols.modbus;

/** The Modbus spec's names for Read Device Identification codes, levels and objects. */
final class DeviceIdentificationNames {
  private DeviceIdentificationNames() {}

  /** Field key for an object: the spec name in lowerCamelCase, else {@code object0xNN}. */
  static String objectKey(int id) {
    return switch (id) {
      case 0x00 -> "vendorName";
      case 0x01 -> "productCode";
      case 0x02 -> "majorMinorRevision";
      case 0x03 -> "vendorUrl";
      case 0x04 -> "productName";
      case 0x05 -> "modelName";
      case 0x06 -> "userApplicationName";
      default -> String.format("object0x%02x", id);
    };
  }

  /** Name of a ReadDevId code (request and response byte after the MEI type). */
  static String readDeviceIdCode(int code) {
    return switch (code) {
      case 1 -> "basic";
      case 2 -> "regular";
      case 3 -> "extended";
      case 4 -> "specific";
      default -> String.format("unknown (0x%02x)", code);
    };
  }

  /** Name of a conformity level; bit 0x80 means individual access is supported too. */
  static String conformityLevel(int level) {
    String category =
        switch (level & 0x7F) {
          case 1 -> "basic";
          case 2 -> "regular";
          case 3 -> "extended";
          default -> null;
        };
    if (category == null) {
      return String.format("unknown (0x%02x)", level);
    }
    return category
        + ((level & 0x80) != 0 ? " (stream and individual access)" : " (stream access only)");
  }
}
