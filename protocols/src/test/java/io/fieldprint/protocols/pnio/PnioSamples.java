package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.StubDatagramContext;
import java.nio.ByteBuffer;

/** Endpoints and complete sample datagrams shared by the unit tests. */
final class PnioSamples {
  static final Endpoint CONTROLLER = new Endpoint("00:a0:45:6d:d3:43", "192.168.1.3", 65151);
  static final Endpoint DEVICE_CM = new Endpoint("00:09:91:43:e0:67", "192.168.1.2", 34964);
  static final Endpoint DEVICE = new Endpoint("00:09:91:43:e0:67", "192.168.1.2", 49152);
  static final String STATION = "plc-line-4";

  private PnioSamples() {}

  static byte[] connectRequest(boolean le, int arType) {
    PnioFrames.Datagram d = new PnioFrames.Datagram(le);
    d.body =
        PnioFrames.requestBody(
            le,
            w -> {
              PnioFrames.arBlockReq(w, arType, CONTROLLER.mac(), STATION);
              PnioFrames.expectedModule(w, 0, 0x00010001L, 0x0001, 0x8000);
              PnioFrames.expectedModule(w, 1, 0xffff8140L, 0x0001);
            });
    return d.bytes();
  }

  static byte[] connectResponse(boolean le) {
    PnioFrames.Datagram d = new PnioFrames.Datagram(le);
    d.packetType = DceRpcClHeader.RESPONSE;
    d.body = PnioFrames.responseBody(le, 0, w -> PnioFrames.arBlockRes(w, DEVICE.mac()));
    return d.bytes();
  }

  /** A Read response carrying the I&amp;M0 of {@code slot}/1. */
  static byte[] readIm0Response(boolean le, int slot) {
    return readResponse(
        le,
        w ->
            PnioFrames.readRecord(
                w,
                slot,
                1,
                0xAFF0,
                r -> PnioFrames.im0(r, 0x002a, "6ES7 151-3BA23-0AB0", "S C-X4U421302009", 3, 'V')));
  }

  /** A Read response carrying PDRealData: the interface and one port with a neighbour. */
  static byte[] readPdRealDataResponse(boolean le) {
    return readResponse(
        le,
        w ->
            PnioFrames.readRecord(
                w,
                0,
                0,
                0xF841,
                r -> {
                  PnioFrames.multiple(
                      r,
                      0x8000,
                      m ->
                          PnioFrames.pdInterfaceDataReal(m, "et200s-7", DEVICE.mac(), DEVICE.ip()));
                  PnioFrames.multiple(
                      r,
                      0x8001,
                      m -> PnioFrames.pdPortDataReal(m, 0x8001, "port-001", "port-004", "x208"));
                }));
  }

  static byte[] readResponse(boolean le, java.util.function.Consumer<StubWriter> blocks) {
    PnioFrames.Datagram d = new PnioFrames.Datagram(le);
    d.packetType = DceRpcClHeader.RESPONSE;
    d.opnum = PnioCmObserver.READ;
    d.body = PnioFrames.responseBody(le, 0, blocks);
    return d.bytes();
  }

  static RecordingSink decode(PnioCmDecoder decoder, Endpoint from, Endpoint to, byte[] bytes) {
    StubDatagramContext ctx = StubDatagramContext.of(from, to);
    decoder.onDatagram(ctx, ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    return ctx.recording();
  }

  static RecordingSink decode(Endpoint from, Endpoint to, byte[] bytes) {
    return decode(new PnioCmDecoder(), from, to, bytes);
  }
}
