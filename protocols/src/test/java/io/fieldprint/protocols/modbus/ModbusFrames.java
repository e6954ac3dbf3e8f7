package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.replay.Bytes;

/** Builds Modbus/TCP frames for tests. */
final class ModbusFrames {
  private ModbusFrames() {}

  static byte[] frame(int transactionId, int unitId, byte[] pdu) {
    return Bytes.of().u16(transactionId).u16(0).u16(pdu.length + 1).u8(unitId).bytes(pdu).build();
  }

  static byte[] readDeviceIdRequest(int tid, int unit, int code, int objectId) {
    return frame(tid, unit, Bytes.of().u8(0x2B, 0x0E, code, objectId).build());
  }

  /** A response; {@code objects} alternates object id (Integer) and value (String). */
  static byte[] readDeviceIdResponse(
      int tid, int unit, int code, int conformity, int moreFollows, int next, Object... objects) {
    Bytes pdu = Bytes.of().u8(0x2B, 0x0E, code, conformity, moreFollows, next, objects.length / 2);
    for (int i = 0; i < objects.length; i += 2) {
      String value = (String) objects[i + 1];
      pdu.u8((Integer) objects[i], value.length()).ascii(value);
    }
    return frame(tid, unit, pdu.build());
  }

  static byte[] pdu(int tid, int unit, int... bytes) {
    return frame(tid, unit, Bytes.of().u8(bytes).build());
  }
}
