package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.decode.BigEndian;
import io.fieldprint.protocols.decode.DecodeWarning;
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
 * One ISO-on-TCP connection on port 102. COTP connection TPDUs give the TSAPs; DT TPDUs are joined
 * into messages. S7comm (0x32) and S7comm-plus (0x72) messages announce the server and the client
 * once each (other payloads, such as IEC 61850 MMS, are ignored); Read SZL module and component
 * identification responses are joined over their parts and reported.
 */
final class S7Session implements TcpSession {
  static final String SOURCE_SERVER = "s7comm.server";
  static final String SOURCE_CLIENT = "s7comm.client";
  static final int MAX_MESSAGE = 16 * 1024;
  static final int MAX_PENDING = 16;

  private final TcpFlow flow;
  private final ByteAccumulator toServer = new ByteAccumulator(MAX_MESSAGE);
  private final ByteAccumulator fromServer = new ByteAccumulator(MAX_MESSAGE);
  private final SzlFragments fragments = new SzlFragments();
  private final Map<Integer, Integer> pendingSzlRequests =
      new LinkedHashMap<>(4, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
          return size() > MAX_PENDING;
        }
      };
  private ObservationSink sink;
  private String firstOrigin;
  private Instant firstSeen;
  private String callingTsap;
  private String calledTsap;
  private String clientVariant;
  private boolean serverAnnounced;

  S7Session(TcpFlow flow) {
    this.flow = flow;
  }

  @Override
  public void onPdu(PduContext ctx, ByteBuffer packet) {
    if (sink == null) {
      sink = ctx.sink();
      firstOrigin = ctx.origin();
      firstSeen = ctx.timestamp();
    }
    int p = packet.position();
    int end = packet.limit();
    if (end - p < Tpkt.MIN_LENGTH || BigEndian.u16(packet, p + 2) != end - p) {
      warn(ctx, "TPKT packet of " + (end - p) + " bytes does not match its length field");
      return;
    }
    int cotpAt = p + Tpkt.HEADER;
    int indicator = packet.get(cotpAt) & 0xFF;
    if ((packet.get(cotpAt + 1) & 0xF0) == Cotp.DT
        && indicator >= 2
        && cotpAt + 1 + indicator <= end) {
      // data TPDUs are nearly all the traffic: no objects for them
      boolean last = (packet.get(cotpAt + 2) & 0x80) != 0;
      onData(ctx, packet, cotpAt + 1 + indicator, end, last);
      return;
    }
    Parsed<Cotp> parsed = Cotp.parse(packet, cotpAt, end);
    if (parsed instanceof Parsed.Malformed<Cotp> m) {
      warn(ctx, m.reason());
      return;
    }
    Cotp cotp = ((Parsed.Ok<Cotp>) parsed).value();
    if (cotp.type() == Cotp.DT) {
      onData(ctx, packet, cotp.payload(), end, cotp.endOfTransmission());
    } else if (cotp.type() == Cotp.CR || cotp.type() == Cotp.CC && callingTsap == null) {
      callingTsap = cotp.callingTsap();
      calledTsap = cotp.calledTsap();
    }
  }

  private void onData(PduContext ctx, ByteBuffer b, int at, int end, boolean last) {
    ByteAccumulator pending = ctx.fromServer() ? fromServer : toServer;
    if (!last || pending.size() > 0) {
      if (!pending.append(b, at, end)) {
        warn(ctx, "COTP message longer than " + MAX_MESSAGE + " bytes dropped");
        pending.clear();
        return;
      }
      if (last) {
        ByteBuffer message = pending.toBuffer();
        pending.clear();
        onMessage(ctx, message, 0, message.limit());
      }
      return;
    }
    onMessage(ctx, b, at, end);
  }

  private void onMessage(PduContext ctx, ByteBuffer b, int at, int end) {
    if (end <= at) {
      return;
    }
    int protocolId = b.get(at) & 0xFF;
    if (protocolId == S7Header.S7COMM_PLUS_ID) {
      announce(ctx, "s7comm-plus");
      return;
    }
    if (protocolId != S7Header.PROTOCOL_ID) {
      return;
    }
    announce(ctx, "s7comm");
    if (end - at < 2 || (b.get(at + 1) & 0xFF) != S7Header.USERDATA) {
      return;
    }
    Parsed<S7Header> parsed = S7Header.parse(b, at, end);
    if (parsed instanceof Parsed.Malformed<S7Header> m) {
      warn(ctx, m.reason());
      return;
    }
    onUserData(ctx, b, ((Parsed.Ok<S7Header>) parsed).value());
  }

  private void onUserData(PduContext ctx, ByteBuffer b, S7Header header) {
    Parsed<UserDataParameter> parsedParameter =
        UserDataParameter.parse(b, header.parameter(), header.data());
    if (parsedParameter instanceof Parsed.Malformed<UserDataParameter> m) {
      warn(ctx, m.reason());
      return;
    }
    UserDataParameter parameter = ((Parsed.Ok<UserDataParameter>) parsedParameter).value();
    if (!parameter.isReadSzl()) {
      return;
    }
    Parsed<UserDataItem> parsedItem = UserDataItem.parse(b, header.data(), header.end());
    if (parsedItem instanceof Parsed.Malformed<UserDataItem> m) {
      warn(ctx, m.reason());
      return;
    }
    UserDataItem item = ((Parsed.Ok<UserDataItem>) parsedItem).value();
    if (parameter.type() == UserDataParameter.TYPE_REQUEST) {
      if (item.length() >= 4) {
        pendingSzlRequests.put(header.pduReference(), BigEndian.u16(b, item.start()));
      }
    } else if (parameter.type() == UserDataParameter.TYPE_RESPONSE) {
      Integer requested = pendingSzlRequests.remove(header.pduReference());
      if (item.returnCode() == UserDataItem.SUCCESS) {
        onReadSzlPart(ctx, b, parameter, item, requested == null ? -1 : requested);
      }
    }
  }

  private void onReadSzlPart(
      PduContext ctx, ByteBuffer b, UserDataParameter parameter, UserDataItem item, int requested) {
    int reference = parameter.dataUnitReference();
    if (parameter.lastDataUnit() != 0) {
      SzlFragments.Assembly assembly =
          fragments.openOrContinue(reference, ctx.origin(), ctx.timestamp(), requested);
      assembly.parts++;
      if (!assembly.bytes.append(b, item.start(), item.end())) {
        fragments.take(reference);
        warn(ctx, "Read SZL response longer than " + SzlFragments.MAX_BYTES + " bytes dropped");
      }
      return;
    }
    SzlFragments.Assembly assembly = fragments.take(reference);
    if (assembly == null) {
      onSzlList(ctx, b, item.start(), item.end(), ctx.origin(), ctx.timestamp(), requested, 1);
    } else if (assembly.bytes.append(b, item.start(), item.end())) {
      ByteBuffer joined = assembly.bytes.toBuffer();
      onSzlList(
          ctx,
          joined,
          0,
          joined.limit(),
          assembly.firstOrigin,
          assembly.firstSeen,
          assembly.requestedId,
          assembly.parts + 1);
    } else {
      warn(ctx, "Read SZL response longer than " + SzlFragments.MAX_BYTES + " bytes dropped");
    }
  }

  private void onSzlList(
      PduContext ctx,
      ByteBuffer b,
      int at,
      int end,
      String origin,
      Instant seen,
      int requested,
      int parts) {
    Parsed<SzlList> parsed = SzlList.parse(b, at, end);
    if (parsed instanceof Parsed.Malformed<SzlList> m) {
      warn(ctx, m.reason());
      return;
    }
    SzlList list = ((Parsed.Ok<SzlList>) parsed).value();
    if (list.problem() != null) {
      warn(ctx, list.problem());
    }
    if (!SzlIdentification.isIdentification(list)) {
      return;
    }
    String problem = SzlIdentification.recordLengthProblem(list);
    if (problem != null) {
      warn(ctx, problem);
      return;
    }
    sink.observe(
        SzlIdentification.observation(list, ctx.sender().device(), origin, seen, requested, parts));
  }

  private void announce(PduContext ctx, String variant) {
    if (ctx.fromServer()) {
      if (!serverAnnounced) {
        serverAnnounced = true;
        announceServer(ctx.timestamp(), ctx.origin(), Authority.DEVICE_REPORTED, variant);
      }
    } else if (clientVariant == null) {
      clientVariant = variant;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("protocol", S7CommTcp.NAME);
      fields.put("variant", variant);
      fields.put("server", flow.server().ip());
      fields.put("serverPort", flow.server().port());
      sink.observe(
          Presence.client(
              S7CommTcp.NAME,
              flow,
              new Evidence(SOURCE_CLIENT, ctx.timestamp(), ctx.origin(), fields)));
    }
  }

  private void announceServer(Instant at, String origin, Authority authority, String variant) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("port", flow.server().port());
    fields.put("answered", authority == Authority.DEVICE_REPORTED);
    fields.put("variant", variant);
    if (callingTsap != null) {
      fields.put("callingTsap", callingTsap);
    }
    if (calledTsap != null) {
      fields.put("calledTsap", calledTsap);
      if (calledTsap.length() == 4) {
        int slotByte = Integer.parseInt(calledTsap.substring(2), 16);
        fields.put("rack", slotByte >> 5);
        fields.put("slot", slotByte & 0x1F);
      }
    }
    sink.observe(
        Presence.server(
            S7CommTcp.NAME, flow, authority, new Evidence(SOURCE_SERVER, at, origin, fields)));
  }

  @Override
  public void onGap(PduContext context, long missingBytes) {
    toServer.clear();
    fromServer.clear();
    pendingSzlRequests.clear();
    fragments.clear();
  }

  @Override
  public void onClose() {
    if (sink != null && !serverAnnounced && clientVariant != null) {
      serverAnnounced = true;
      announceServer(firstSeen, firstOrigin, Authority.PEER_REPORTED, clientVariant);
    }
  }

  private static void warn(PduContext ctx, String message) {
    ctx.sink().warning(new DecodeWarning(ctx.origin(), S7CommTcp.NAME, message));
  }
}
