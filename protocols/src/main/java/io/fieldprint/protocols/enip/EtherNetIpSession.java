package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.Presence;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Evidence;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One EtherNet/IP TCP connection: the server's presence and the client's role once each,
 * ListIdentity replies, and Identity Get_Attributes_All replies whose request was seen (paired by
 * sender context). Everything else (connected I/O over SendUnitData) is passed over after the
 * header.
 */
final class EtherNetIpSession implements TcpSession {
  static final String SOURCE_SERVER = "enip.server";
  static final String SOURCE_CLIENT = "enip.client";
  static final int MAX_PENDING = 16;

  private final TcpFlow flow;
  private final ListIdentityObserver observer;
  private final Map<Long, Boolean> pendingIdentityRequests =
      new LinkedHashMap<>(4, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
          return size() > MAX_PENDING;
        }
      };
  private ObservationSink sink;
  private String firstOrigin;
  private Instant firstSeen;
  private boolean serverAnnounced;
  private boolean clientAnnounced;

  EtherNetIpSession(TcpFlow flow, ListIdentityObserver observer) {
    this.flow = flow;
    this.observer = observer;
  }

  @Override
  public void onPdu(PduContext ctx, ByteBuffer message) {
    if (sink == null) {
      sink = ctx.sink();
      firstOrigin = ctx.origin();
      firstSeen = ctx.timestamp();
    }
    int p = message.position();
    int end = message.limit();
    if (end - p < EncapsulationHeader.SIZE
        || EncapsulationHeader.SIZE + LittleEndian.u16(message, p + 2) != end - p) {
      ListIdentityObserver.warn(
          ctx, "encapsulation message of " + (end - p) + " bytes does not match its length field");
      return;
    }
    int command = LittleEndian.u16(message, p);
    int data = p + EncapsulationHeader.SIZE;
    if (ctx.fromServer()) {
      onServerMessage(ctx, message, command, data, end);
    } else {
      onClientMessage(ctx, message, command, data, end);
    }
  }

  private void onClientMessage(PduContext ctx, ByteBuffer b, int command, int data, int end) {
    if (!clientAnnounced) {
      clientAnnounced = true;
      announceClient(ctx);
    }
    if (command != EncapsulationHeader.SEND_RR_DATA) {
      return;
    }
    Parsed<CommonPacketFormat.Span> item = CommonPacketFormat.unconnectedData(b, data, end);
    if (item instanceof Parsed.Ok<CommonPacketFormat.Span> ok
        && IdentityRequest.isGetAttributesAllOfIdentity(b, ok.value().start(), ok.value().end())) {
      pendingIdentityRequests.put(senderContext(b, data), Boolean.TRUE);
    }
  }

  private void onServerMessage(PduContext ctx, ByteBuffer b, int command, int data, int end) {
    if (!serverAnnounced) {
      serverAnnounced = true;
      announceServer(ctx.timestamp(), ctx.origin(), Authority.DEVICE_REPORTED);
    }
    if (command == EncapsulationHeader.LIST_IDENTITY && end > data) {
      observer.onListIdentityReply(ctx, flow.server().device(), "tcp", b, data, end);
    } else if (command == EncapsulationHeader.SEND_RR_DATA
        && !pendingIdentityRequests.isEmpty()
        && pendingIdentityRequests.remove(senderContext(b, data)) != null) {
      onIdentityReply(ctx, b, data, end);
    }
  }

  private void onIdentityReply(PduContext ctx, ByteBuffer b, int data, int end) {
    Parsed<CommonPacketFormat.Span> item = CommonPacketFormat.unconnectedData(b, data, end);
    if (item instanceof Parsed.Malformed<CommonPacketFormat.Span> m) {
      ListIdentityObserver.warn(ctx, m.reason());
      return;
    }
    CommonPacketFormat.Span span = ((Parsed.Ok<CommonPacketFormat.Span>) item).value();
    int attributes = IdentityRequest.successfulReplyData(b, span.start(), span.end());
    if (attributes < 0) {
      return;
    }
    Parsed<CipIdentity> identity = CipIdentity.parse(b, attributes, span.end());
    if (identity instanceof Parsed.Malformed<CipIdentity> m) {
      ListIdentityObserver.warn(ctx, "Get_Attributes_All reply: " + m.reason());
      return;
    }
    observer.onIdentityAttributes(
        ctx, flow.server().device(), ((Parsed.Ok<CipIdentity>) identity).value());
  }

  /** The sender context sits at offset 12 of the header, 24 bytes before the data. */
  private static long senderContext(ByteBuffer b, int data) {
    return LittleEndian.u64(b, data - EncapsulationHeader.SIZE + 12);
  }

  @Override
  public void onGap(PduContext context, long missingBytes) {
    pendingIdentityRequests.clear();
  }

  @Override
  public void onClose() {
    if (sink != null && !serverAnnounced) {
      serverAnnounced = true;
      announceServer(firstSeen, firstOrigin, Authority.PEER_REPORTED);
    }
  }

  private void announceServer(Instant at, String origin, Authority authority) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("port", flow.server().port());
    fields.put("answered", authority == Authority.DEVICE_REPORTED);
    sink.observe(
        Presence.server(
            ListIdentityObserver.PROTOCOL,
            flow,
            authority,
            new Evidence(SOURCE_SERVER, at, origin, fields)));
  }

  private void announceClient(PduContext ctx) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("protocol", ListIdentityObserver.PROTOCOL);
    fields.put("server", flow.server().ip());
    fields.put("serverPort", flow.server().port());
    sink.observe(
        Presence.client(
            ListIdentityObserver.PROTOCOL,
            flow,
            new Evidence(SOURCE_CLIENT, ctx.timestamp(), ctx.origin(), fields)));
  }
}
