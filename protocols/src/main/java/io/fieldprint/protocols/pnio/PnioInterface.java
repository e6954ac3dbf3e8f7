package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.model.Role;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The PN-IO RPC interfaces, {@code dea0000N-6c97-11d1-8271-00a02442df7d} (IEC 61158-6-10; Wireshark
 * {@code packet-dcerpc-pn-io.c}). The roles say what serving or calling an interface makes a host:
 * IO devices serve the device interface and call the controller (or supervisor) interface back with
 * ApplicationReady; IO controllers and supervisors do the reverse.
 */
public enum PnioInterface {
  DEVICE(1, "device", Role.IO, Role.CLIENT),
  CONTROLLER(2, "controller", Role.PLC, Role.IO),
  SUPERVISOR(3, "supervisor", Role.ENGINEERING, Role.IO),
  PARAMETER_SERVER(4, "parameter-server", Role.SERVER, Role.CLIENT);

  /** clock_seq and node of every PN-IO interface UUID: {@code 8271-00a02442df7d}. */
  private static final long NODE = 0x8271_00A0_2442_DF7DL;

  private static final long TIME_PREFIX = 0xDEA0_0000L;

  private final int number;
  private final String jsonName;
  private final Role serverRole;
  private final Role clientRole;

  PnioInterface(int number, String jsonName, Role serverRole, Role clientRole) {
    this.number = number;
    this.jsonName = jsonName;
    this.serverRole = serverRole;
    this.clientRole = clientRole;
  }

  public UUID uuid() {
    return new UUID(((TIME_PREFIX | number) << 32) | 0x6C97_11D1L, NODE);
  }

  public String jsonName() {
    return jsonName;
  }

  /** What a host answering calls on this interface is. */
  public Role serverRole() {
    return serverRole;
  }

  /** What a host calling this interface (other than with Connect) is. */
  public Role clientRole() {
    return clientRole;
  }

  /**
   * The PN-IO interface named by the connectionless header at {@code at}, or {@code null} when the
   * bytes are not such a header (wrong version, other interface, fewer than 40 bytes). Reads a few
   * bytes and allocates nothing, so it can run on every datagram.
   */
  static PnioInterface sniff(ByteBuffer b, int at) {
    if (b.limit() - at < 40 || (b.get(at) & 0xFF) != DceRpcClHeader.VERSION) {
      return null;
    }
    if (NdrData.u64(b, at + 32, false) != NODE) {
      return null;
    }
    boolean le = NdrData.littleEndian(b.get(at + 4) & 0xFF);
    long timeLow = NdrData.u32(b, at + 24, le);
    if ((timeLow & ~0xFL) != TIME_PREFIX
        || NdrData.u16(b, at + 28, le) != 0x6C97
        || NdrData.u16(b, at + 30, le) != 0x11D1) {
      return null;
    }
    int n = (int) (timeLow & 0xF);
    for (PnioInterface i : values()) {
      if (i.number == n) {
        return i;
      }
    }
    return null;
  }
}
