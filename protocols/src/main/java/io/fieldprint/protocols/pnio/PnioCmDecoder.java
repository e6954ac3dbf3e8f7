package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.RepeatFilter;
import io.fieldprint.protocols.decode.UdpProtocol;
import io.fieldprint.protocols.profinet.ProfinetVendors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

/**
 * PROFINET IO context management (PN-IO CM): DCE/RPC connectionless calls on the PN-IO device,
 * controller, supervisor and parameter-server interfaces. A Connect goes to UDP 34964; the calls
 * after it (Write, Control, Read, ApplicationReady back to the controller) run between ephemeral
 * ports, so datagrams between two ports from 1024 up are looked at too, and kept only when their
 * header names a PN-IO interface (a few byte comparisons, no allocation).
 *
 * <p>Decoded: the header of every PN-IO datagram (both data representations), Connect requests
 * (ARBlockReq, ExpectedSubmoduleBlockReq), Connect responses (ARBlockRes) and Read / Read Implicit
 * responses (I&amp;M0, I&amp;M0FilterData, PDRealData). Read responses repeat the record index in
 * their IODReadResHeader, so no request state is kept. Fragmented calls are not reassembled: only
 * the first fragment's blocks are read (in the shared captures only Write requests, which are not
 * decoded, are fragmented). Observations carry the protocol {@code profinet}; warnings say {@code
 * profinet-io-cm}. See {@link PnioCmObserver} for who each observation describes.
 */
public final class PnioCmDecoder implements UdpProtocol {
  /** The PN-IO CM port (IANA "profinet-cm"). */
  public static final int PORT = 34964;

  static final String NAME = "profinet-io-cm";
  private static final int FIRST_DYNAMIC_PORT = 1024;

  private final PnioCmObserver observer;
  private final RepeatFilter repeats = new RepeatFilter(Duration.ofSeconds(60), 4096);

  public PnioCmDecoder() {
    this(ProfinetVendors.shipped());
  }

  PnioCmDecoder(ProfinetVendors vendors) {
    this.observer = new PnioCmObserver(vendors);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int sourcePort, int destinationPort) {
    return sourcePort == PORT
        || destinationPort == PORT
        || (sourcePort >= FIRST_DYNAMIC_PORT && destinationPort >= FIRST_DYNAMIC_PORT);
  }

  /**
   * Cyclic calls (Control, Read) repeat within one activity with the same body: the observer would
   * report nothing new, so they are not observed again. The key is the call's activity, packet type
   * and operation; the body is compared by checksum, so a different record read in the same
   * activity is still observed.
   */
  private boolean repeated(DatagramContext ctx, ByteBuffer payload, PnioPdu pdu) {
    DceRpcClHeader h = pdu.header();
    String call =
        ctx.source().ip()
            + ">"
            + ctx.destination().ip()
            + "|"
            + h.activity()
            + "|"
            + h.packetType()
            + "|"
            + h.opnum();
    ByteBuffer body = payload.duplicate();
    body.limit(Math.min(payload.limit(), Math.max(pdu.bodyEnd(), pdu.bodyStart())));
    body.position(Math.min(body.limit(), pdu.bodyStart()));
    return repeats.isRepeat(call, body, ctx.timestamp());
  }

  @Override
  public void onDatagram(DatagramContext ctx, ByteBuffer payload) {
    boolean wellKnown = ctx.source().port() == PORT || ctx.destination().port() == PORT;
    PnioCmParser.Result result = PnioCmParser.parse(payload, wellKnown);
    if (result instanceof PnioCmParser.Malformed m) {
      ctx.sink().warning(new DecodeWarning(ctx.origin(), NAME, m.reason()));
    } else if (result instanceof PnioCmParser.Pdu p) {
      PnioCmObserver.warn(ctx, p.pdu().problems());
      if (!repeated(ctx, payload, p.pdu())) {
        observer.observe(ctx, payload, p.pdu());
      }
    }
  }

  /** What names a call for the repeat check. */
  private record Call(String from, String to, UUID activity, int packetType, int opnum) {}
}
