package io.fieldprint.protocols.pnio;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The 80-byte header of a DCE/RPC connectionless PDU (C706 §12.5; Wireshark {@code
 * packet-dcerpc.c}, {@code dissect_dcerpc_dg}). Integer fields and the first three fields of each
 * UUID are in the byte order of {@code drep[0]}; the body that follows uses the same order for its
 * NDR integers.
 *
 * @param version rpc_vers, u8 (4 for connectionless)
 * @param packetType ptype, u8 (0 request, 2 response, 3 fault, 6 reject, ...)
 * @param flags1 u8: 0x02 last fragment, 0x04 fragment, 0x08 no fack, 0x10 maybe, 0x20 idempotent,
 *     0x40 broadcast
 * @param flags2 u8: 0x02 cancel pending
 * @param littleEndian from drep[0] (3 bytes data representation + 1 byte serial_hi)
 * @param serial serial_hi u8 (offset 7) and serial_lo u8 (offset 79) as one number
 * @param object object UUID (PN-IO: identifies the addressed IO device or controller)
 * @param interfaceId interface UUID
 * @param activity activity UUID (one client "thread" of calls)
 * @param serverBootTime u32, seconds
 * @param interfaceVersion u32
 * @param sequenceNumber u32, the call's number within the activity
 * @param opnum u16
 * @param interfaceHint u16
 * @param activityHint u16
 * @param fragmentLength len, u16: body bytes following the header
 * @param fragmentNumber u16
 * @param authProtocol u8
 */
public record DceRpcClHeader(
    int version,
    int packetType,
    int flags1,
    int flags2,
    boolean littleEndian,
    int serial,
    UUID object,
    UUID interfaceId,
    UUID activity,
    long serverBootTime,
    long interfaceVersion,
    long sequenceNumber,
    int opnum,
    int interfaceHint,
    int activityHint,
    int fragmentLength,
    int fragmentNumber,
    int authProtocol) {

  public static final int SIZE = 80;
  public static final int VERSION = 4;
  public static final int REQUEST = 0;
  public static final int PING = 1;
  public static final int RESPONSE = 2;
  public static final int FAULT = 3;
  public static final int WORKING = 4;
  public static final int NOCALL = 5;
  public static final int REJECT = 6;
  public static final int ACK = 7;
  public static final int CL_CANCEL = 8;
  public static final int FACK = 9;
  public static final int CANCEL_ACK = 10;
  static final int FLAG_FRAGMENT = 0x04;
  static final int FLAG_BROADCAST = 0x40;

  private static final String[] TYPE_NAMES = {
    "request",
    "ping",
    "response",
    "fault",
    "working",
    "nocall",
    "reject",
    "ack",
    "cl-cancel",
    "fack",
    "cancel-ack"
  };

  /** Reads the header at {@code at}; the caller guarantees {@link #SIZE} bytes are there. */
  static DceRpcClHeader read(ByteBuffer b, int at) {
    boolean le = NdrData.littleEndian(b.get(at + 4) & 0xFF);
    return new DceRpcClHeader(
        b.get(at) & 0xFF,
        b.get(at + 1) & 0xFF,
        b.get(at + 2) & 0xFF,
        b.get(at + 3) & 0xFF,
        le,
        ((b.get(at + 7) & 0xFF) << 8) | (b.get(at + 79) & 0xFF),
        NdrData.uuid(b, at + 8, le),
        NdrData.uuid(b, at + 24, le),
        NdrData.uuid(b, at + 40, le),
        NdrData.u32(b, at + 56, le),
        NdrData.u32(b, at + 60, le),
        NdrData.u32(b, at + 64, le),
        NdrData.u16(b, at + 68, le),
        NdrData.u16(b, at + 70, le),
        NdrData.u16(b, at + 72, le),
        NdrData.u16(b, at + 74, le),
        NdrData.u16(b, at + 76, le),
        b.get(at + 78) & 0xFF);
  }

  /** Part of a fragmented call (the fragment flag is set). */
  public boolean fragmented() {
    return (flags1 & FLAG_FRAGMENT) != 0;
  }

  /** The body starts the call's arguments: not fragmented, or fragment number 0. */
  public boolean startsBody() {
    return !fragmented() || fragmentNumber == 0;
  }

  public boolean broadcast() {
    return (flags1 & FLAG_BROADCAST) != 0;
  }

  /** Sent by the server of the call: response, fault, working, nocall, reject, cancel-ack. */
  public boolean fromServer() {
    return switch (packetType) {
      case RESPONSE, FAULT, WORKING, NOCALL, REJECT, CANCEL_ACK -> true;
      default -> false;
    };
  }

  /** Sent by the client of the call: request, ping, ack, cl-cancel. */
  public boolean fromClient() {
    return switch (packetType) {
      case REQUEST, PING, ACK, CL_CANCEL -> true;
      default -> false;
    };
  }

  /** "request", "response", ... or "type-N" for codes C706 does not define. */
  public String packetTypeName() {
    return packetType < TYPE_NAMES.length ? TYPE_NAMES[packetType] : "type-" + packetType;
  }
}
