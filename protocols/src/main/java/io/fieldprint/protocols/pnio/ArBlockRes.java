package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * ARBlockRes (block type 0x8101), the first block of a successful Connect response: the CM
 * responder (the IO device) confirms the AR.
 *
 * @param arType u16
 * @param arUuid 16 bytes
 * @param sessionKey u16
 * @param cmResponderMac CMResponderMacAdd, 6 bytes: the device's own MAC address
 * @param udpRtPort CMResponderUDPRTPort, u16
 */
record ArBlockRes(int arType, UUID arUuid, int sessionKey, String cmResponderMac, int udpRtPort) {

  static Parsed<ArBlockRes> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    ArBlockRes res = new ArBlockRes(r.u16(), r.uuid(), r.u16(), r.mac(), r.u16());
    if (r.overrun()) {
      return Parsed.malformed(
          "ARBlockRes body of " + h.bodyLength() + " bytes is too short for its 32 bytes");
    }
    return Parsed.ok(res);
  }
}
