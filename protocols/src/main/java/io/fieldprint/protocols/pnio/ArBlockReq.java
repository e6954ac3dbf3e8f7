package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * ARBlockReq (block type 0x0101), the first block of a Connect request: the CM initiator (IO
 * controller or supervisor) describes itself.
 *
 * @param arType u16: 0x0001 IOCARSingle, 0x0003 IOCARCIR, 0x0006 IOSAR (supervisor), 0x0010
 *     IOCARSingle using RT_CLASS_3, 0x0020 IOCARSR
 * @param arUuid 16 bytes
 * @param sessionKey u16
 * @param cmInitiatorMac CMInitiatorMacAdd, 6 bytes
 * @param cmInitiatorObjectUuid 16 bytes, a PN-IO object UUID naming the initiator's own vendor and
 *     device ids
 * @param arProperties u32
 * @param activityTimeoutFactor CMInitiatorActivityTimeoutFactor, u16
 * @param udpRtPort CMInitiatorUDPRTPort, u16
 * @param stationName CMInitiatorStationName (StationNameLength u16 + that many bytes), the
 *     initiator's NameOfStation
 */
record ArBlockReq(
    int arType,
    UUID arUuid,
    int sessionKey,
    String cmInitiatorMac,
    UUID cmInitiatorObjectUuid,
    long arProperties,
    int activityTimeoutFactor,
    int udpRtPort,
    String stationName) {

  static final int AR_TYPE_SUPERVISOR = 0x0006;

  /** NameOfStation is at most 240 characters. */
  static final int MAX_STATION_NAME = 240;

  static Parsed<ArBlockReq> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    int arType = r.u16();
    UUID arUuid = r.uuid();
    int sessionKey = r.u16();
    String mac = r.mac();
    UUID initiator = r.uuid();
    long properties = r.u32();
    int timeout = r.u16();
    int port = r.u16();
    int nameLength = r.u16();
    if (nameLength > MAX_STATION_NAME && !r.overrun()) {
      return Parsed.malformed("ARBlockReq StationNameLength " + nameLength + " exceeds 240");
    }
    String name = r.text(nameLength, MAX_STATION_NAME);
    if (r.overrun()) {
      return Parsed.malformed(
          "ARBlockReq body of " + h.bodyLength() + " bytes is too short for its fields");
    }
    return Parsed.ok(
        new ArBlockReq(
            arType, arUuid, sessionKey, mac, initiator, properties, timeout, port, name));
  }

  /** The AR type's name from IEC 61158-6-10, or {@code reserved}. */
  String arTypeName() {
    return switch (arType) {
      case 0x0001 -> "IOCARSingle";
      case 0x0003 -> "IOCARCIR";
      case 0x0004 -> "IOCAR_IOControllerRedundant";
      case 0x0005 -> "IOCAR_IODeviceRedundant";
      case AR_TYPE_SUPERVISOR -> "IOSAR";
      case 0x0010 -> "IOCARSingle using RT_CLASS_3";
      case 0x0020 -> "IOCARSR";
      default -> "reserved";
    };
  }

  /** A supervisor AR (engineering or diagnostic access), as opposed to an IO controller AR. */
  boolean supervisor() {
    return arType == AR_TYPE_SUPERVISOR;
  }
}
