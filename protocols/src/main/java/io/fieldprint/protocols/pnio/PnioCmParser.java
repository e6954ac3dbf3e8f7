package io.fieldprint.protocols.pnio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises PN-IO datagrams (DCE/RPC connectionless calls on a PN-IO interface) and cuts them into
 * header and body, checking the fragment length against the bytes present.
 */
final class PnioCmParser {
  private PnioCmParser() {}

  /** Result of parsing one datagram. */
  sealed interface Result permits Ignored, Malformed, Pdu {}

  /** Not PN-IO (another protocol, or another DCE/RPC interface such as the endpoint mapper). */
  record Ignored() implements Result {}

  /** Meant for PN-IO but unusable; {@code reason} says why. */
  record Malformed(String reason) implements Result {}

  /** A PN-IO datagram (possibly with problems noted). */
  record Pdu(PnioPdu pdu) implements Result {}

  static final Ignored IGNORED = new Ignored();

  /**
   * Parses from {@code b.position()} to the limit without moving the position. On the PN-IO CM port
   * ({@code wellKnownPort}) anything but a connectionless DCE/RPC header is malformed; on other
   * ports only datagrams naming a PN-IO interface are looked at.
   */
  static Result parse(ByteBuffer b, boolean wellKnownPort) {
    int at = b.position();
    int n = b.limit() - at;
    PnioInterface iface = PnioInterface.sniff(b, at);
    if (iface == null) {
      if (!wellKnownPort) {
        return IGNORED;
      }
      if (n < DceRpcClHeader.SIZE) {
        return new Malformed(
            "datagram of " + n + " bytes is shorter than the 80-byte DCE/RPC header");
      }
      int version = b.get(at) & 0xFF;
      return version == DceRpcClHeader.VERSION
          ? IGNORED
          : new Malformed("RPC version " + version + " is not connectionless DCE/RPC (4)");
    }
    if (n < DceRpcClHeader.SIZE) {
      return new Malformed("PN-IO datagram of " + n + " bytes is shorter than its 80-byte header");
    }
    DceRpcClHeader h = DceRpcClHeader.read(b, at);
    List<String> problems = new ArrayList<>(0);
    int bodyStart = at + DceRpcClHeader.SIZE;
    int bodyEnd = bodyStart + h.fragmentLength();
    boolean complete = !h.fragmented();
    if (bodyEnd > b.limit()) {
      problems.add(
          "fragment length "
              + h.fragmentLength()
              + " claims more than the "
              + (b.limit() - bodyStart)
              + " body bytes present");
      bodyEnd = b.limit();
      complete = false;
    }
    return new Pdu(new PnioPdu(h, iface, bodyStart, bodyEnd, complete, problems));
  }
}
