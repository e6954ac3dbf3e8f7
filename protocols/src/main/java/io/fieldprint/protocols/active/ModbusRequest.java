package io.fieldprint.protocols.active;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A Modbus/TCP request as the gate sees it: unit id, function code and, for function code 43, the
 * encapsulated-interface fields. Other function codes carry no data: the scanner never sends any.
 *
 * @param unitId unit identifier, 1 byte (0–255)
 * @param functionCode function code, 1 byte (0–255)
 * @param mei for function code 43 only: MEI type, ReadDevIdCode, ObjectId
 */
public record ModbusRequest(int unitId, int functionCode, Optional<Mei> mei)
    implements ScanRequest {

  /** Encapsulated Interface Transport (function code 43). */
  public static final int ENCAPSULATED_INTERFACE_TRANSPORT = 0x2B;

  /** Report Server ID (function code 17). */
  public static final int REPORT_SERVER_ID = 0x11;

  /** MEI type 14: Read Device Identification. */
  public static final int READ_DEVICE_IDENTIFICATION = 0x0E;

  /**
   * The three bytes after function code 43.
   *
   * @param meiType MEI type, 1 byte (14 = Read Device Identification)
   * @param readDevIdCode 1 byte: 1 basic, 2 regular, 3 extended, 4 individual object
   * @param objectId 1 byte: first object (stream access) or the one object (individual access)
   */
  public record Mei(int meiType, int readDevIdCode, int objectId) {
    public Mei {
      requireByte("MEI type", meiType);
      requireByte("ReadDevIdCode", readDevIdCode);
      requireByte("ObjectId", objectId);
    }
  }

  public ModbusRequest {
    requireByte("unit id", unitId);
    requireByte("function code", functionCode);
    if (mei.isPresent() != (functionCode == ENCAPSULATED_INTERFACE_TRANSPORT)) {
      throw new IllegalArgumentException("MEI fields belong to function code 43 only");
    }
  }

  /** FC 43 / MEI 14: {@code 2B 0E ReadDevIdCode ObjectId}. */
  public static ModbusRequest readDeviceIdentification(
      int unitId, int readDevIdCode, int objectId) {
    return encapsulated(unitId, READ_DEVICE_IDENTIFICATION, readDevIdCode, objectId);
  }

  /** FC 43 with any MEI type (e.g. 13, CANopen General Reference — which the policy refuses). */
  public static ModbusRequest encapsulated(
      int unitId, int meiType, int readDevIdCode, int objectId) {
    return new ModbusRequest(
        unitId,
        ENCAPSULATED_INTERFACE_TRANSPORT,
        Optional.of(new Mei(meiType, readDevIdCode, objectId)));
  }

  /** FC 17: {@code 11}. */
  public static ModbusRequest reportServerId(int unitId) {
    return new ModbusRequest(unitId, REPORT_SERVER_ID, Optional.empty());
  }

  /** Any function code other than 43, without data (for the policy to judge). */
  public static ModbusRequest functionCode(int unitId, int functionCode) {
    return new ModbusRequest(unitId, functionCode, Optional.empty());
  }

  /** The PDU: function code followed by the MEI fields for FC 43. */
  public byte[] pdu() {
    if (mei.isEmpty()) {
      return new byte[] {(byte) functionCode};
    }
    Mei m = mei.get();
    return new byte[] {
      (byte) functionCode, (byte) m.meiType(), (byte) m.readDevIdCode(), (byte) m.objectId()
    };
  }

  @Override
  public ScanProtocol protocol() {
    return ScanProtocol.MODBUS;
  }

  @Override
  public String auditText() {
    return "unit " + unitId + " pdu " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(pdu());
  }

  private static void requireByte(String what, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(what + " must be 0-255: " + value);
    }
  }
}
