package io.fieldprint.protocols.modbus;

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
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Modbus/TCP connection. Every frame updates the connection summary (header fields only); Read
 * Device Identification (43/14) and Report Server ID (17) responses and their exceptions are
 * decoded and paired with their requests. Observations: the server's presence and the client's role
 * once each, the identification when its last page arrives, and the summary on close.
 */
final class ModbusSession implements TcpSession {
  static final String PROTOCOL = ModbusTcp.NAME;
  static final String SOURCE_IDENTIFICATION = "modbus.read-device-identification";
  static final String SOURCE_SERVER_ID = "modbus.report-server-id";
  static final String SOURCE_SERVER = "modbus.server";
  static final String SOURCE_CLIENT = "modbus.client";
  static final String SOURCE_SUMMARY = "modbus.session-summary";

  /** Units with an identification exchange in progress at once. */
  static final int MAX_EXCHANGES = 8;

  private final TcpFlow flow;
  private final SessionSummary summary = new SessionSummary();
  private final OutstandingRequests outstanding = new OutstandingRequests();
  private final Map<Integer, DeviceIdentification> exchanges = new LinkedHashMap<>();
  private ObservationSink sink;
  private String firstOrigin;
  private Instant firstSeen;
  private boolean serverAnnounced;
  private boolean clientAnnounced;
  private final long[] unassignedWarned = new long[4];

  ModbusSession(TcpFlow flow) {
    this.flow = flow;
  }

  @Override
  public void onPdu(PduContext context, ByteBuffer frame) {
    if (sink == null) {
      sink = context.sink();
      firstOrigin = context.origin();
      firstSeen = context.timestamp();
    }
    int p = frame.position();
    int end = frame.limit();
    if (end - p < MbapHeader.SIZE + 1
        || MbapHeader.PREFIX + (BigEndian.u16(frame, p + 4)) != end - p) {
      warn(context, "MBAP frame of " + (end - p) + " bytes does not match its length field");
      return;
    }
    int transactionId = BigEndian.u16(frame, p);
    int unitId = frame.get(p + 6) & 0xFF;
    int pdu = p + MbapHeader.SIZE;
    if (context.fromServer()) {
      onResponse(context, frame, transactionId, unitId, pdu, end);
    } else {
      onRequest(context, frame, transactionId, unitId, pdu, end);
    }
  }

  private void onRequest(PduContext ctx, ByteBuffer frame, int tid, int unitId, int pdu, int end) {
    if (!clientAnnounced) {
      clientAnnounced = true;
      announceClient(ctx);
    }
    int functionCode = frame.get(pdu) & 0xFF;
    summary.request(unitId, functionCode);
    checkStructure(ctx, functionCode, FunctionCodes.requestProblem(frame, pdu, end));
    if (functionCode == ReadDeviceIdentificationResponse.FUNCTION_CODE) {
      if (end - pdu < 4) {
        warn(ctx, "function 43 request of " + (end - pdu) + " bytes, needs 4");
      } else if ((frame.get(pdu + 1) & 0xFF)
          == ReadDeviceIdentificationResponse.MEI_READ_DEVICE_IDENTIFICATION) {
        outstanding.put(
            tid, unitId, new OutstandingRequests.Request(functionCode, frame.get(pdu + 3) & 0xFF));
      }
    } else if (functionCode == ReportServerIdResponse.FUNCTION_CODE) {
      outstanding.put(tid, unitId, new OutstandingRequests.Request(functionCode, -1));
    }
  }

  private void onResponse(PduContext ctx, ByteBuffer frame, int tid, int unitId, int pdu, int end) {
    if (!serverAnnounced) {
      serverAnnounced = true;
      announceServer(ctx.timestamp(), ctx.origin(), Authority.DEVICE_REPORTED);
    }
    summary.response(unitId);
    int functionCode = frame.get(pdu) & 0xFF;
    checkStructure(ctx, functionCode & 0x7F, FunctionCodes.responseProblem(frame, pdu, end));
    if (functionCode >= 0x80) {
      onException(ctx, frame, tid, unitId, pdu, end);
    } else if (functionCode == ReadDeviceIdentificationResponse.FUNCTION_CODE) {
      if (end - pdu >= 2
          && (frame.get(pdu + 1) & 0xFF)
              == ReadDeviceIdentificationResponse.MEI_READ_DEVICE_IDENTIFICATION) {
        onDeviceIdentification(ctx, frame, tid, unitId, pdu, end);
      }
    } else if (functionCode == ReportServerIdResponse.FUNCTION_CODE) {
      onReportServerId(ctx, frame, tid, unitId, pdu, end);
    }
  }

  private void onException(
      PduContext ctx, ByteBuffer frame, int tid, int unitId, int pdu, int end) {
    int function = frame.get(pdu) & 0x7F;
    if (end - pdu < 2) {
      warn(ctx, "exception response to function " + function + " without exception code");
      return;
    }
    int code = frame.get(pdu + 1) & 0xFF;
    summary.exception(function, code);
    if (function != ReadDeviceIdentificationResponse.FUNCTION_CODE
        && function != ReportServerIdResponse.FUNCTION_CODE) {
      return;
    }
    OutstandingRequests.Request request = outstanding.take(tid, unitId);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitId", unitId);
    fields.put("functionCode", function);
    fields.put("exceptionCode", code);
    fields.put("exception", ExceptionCode.label(code));
    fields.put("requestSeen", request != null);
    String source =
        function == ReportServerIdResponse.FUNCTION_CODE ? SOURCE_SERVER_ID : SOURCE_IDENTIFICATION;
    observeServer(Identity.NONE, new Evidence(source, ctx.timestamp(), ctx.origin(), fields));
  }

  private void onDeviceIdentification(
      PduContext ctx, ByteBuffer frame, int tid, int unitId, int pdu, int end) {
    Parsed<ReadDeviceIdentificationResponse> parsed =
        ReadDeviceIdentificationResponse.parse(frame, pdu, end);
    if (parsed instanceof Parsed.Malformed<ReadDeviceIdentificationResponse> m) {
      warn(ctx, m.reason());
      return;
    }
    ReadDeviceIdentificationResponse page =
        ((Parsed.Ok<ReadDeviceIdentificationResponse>) parsed).value();
    if (page.problem() != null) {
      warn(ctx, "read device identification response: " + page.problem());
    }
    OutstandingRequests.Request request = outstanding.take(tid, unitId);
    DeviceIdentification exchange = exchanges.get(unitId);
    if (exchange == null) {
      if (exchanges.size() >= MAX_EXCHANGES) {
        Iterator<DeviceIdentification> eldest = exchanges.values().iterator();
        emitIdentification(eldest.next(), false);
        eldest.remove();
      }
      exchange = new DeviceIdentification(unitId, ctx.origin(), ctx.timestamp());
      exchanges.put(unitId, exchange);
    }
    exchange.add(page, request == null ? null : request.objectId());
    boolean last = !page.hasMoreFollows();
    if (last && page.moreFollows() != 0) {
      warn(ctx, String.format("more follows 0x%02x is neither 0x00 nor 0xFF", page.moreFollows()));
    }
    if (!last && exchange.pages() >= DeviceIdentification.MAX_PAGES) {
      warn(ctx, "read device identification still paging after " + exchange.pages() + " pages");
      last = true;
    }
    if (last) {
      exchanges.remove(unitId);
      emitIdentification(exchange, !page.hasMoreFollows());
    }
  }

  private void onReportServerId(
      PduContext ctx, ByteBuffer frame, int tid, int unitId, int pdu, int end) {
    Parsed<ReportServerIdResponse> parsed = ReportServerIdResponse.parse(frame, pdu, end);
    if (parsed instanceof Parsed.Malformed<ReportServerIdResponse> m) {
      warn(ctx, m.reason());
      return;
    }
    ReportServerIdResponse response = ((Parsed.Ok<ReportServerIdResponse>) parsed).value();
    if (response.truncated()) {
      warn(
          ctx,
          "report server id byte count "
              + response.byteCount()
              + ", "
              + response.payload().length
              + " bytes present");
    }
    Map<String, Object> fields = response.fields(unitId);
    fields.put("requestSeen", outstanding.take(tid, unitId) != null);
    observeServer(
        Identity.NONE, new Evidence(SOURCE_SERVER_ID, ctx.timestamp(), ctx.origin(), fields));
  }

  @Override
  public void onGap(PduContext context, long missingBytes) {
    outstanding.clear();
  }

  @Override
  public void onClose() {
    if (sink == null) {
      return;
    }
    for (DeviceIdentification exchange : exchanges.values()) {
      emitIdentification(exchange, false);
    }
    exchanges.clear();
    if (!serverAnnounced && summary.anyTraffic()) {
      serverAnnounced = true;
      announceServer(firstSeen, firstOrigin, Authority.PEER_REPORTED);
    }
    if (summary.anyTraffic()) {
      Map<String, Object> fields = summary.fields();
      fields.put("client", flow.client().ip());
      Identity identity =
          summary.gatewaySeen() ? Identity.builder().role(Role.GATEWAY).build() : Identity.NONE;
      sink.observe(
          new Observation(
              PROTOCOL,
              flow.server().device(),
              identity,
              Authority.INFERRED,
              new Evidence(SOURCE_SUMMARY, firstSeen, firstOrigin, fields)));
    }
  }

  private void emitIdentification(DeviceIdentification exchange, boolean complete) {
    observeServer(
        exchange.identity(),
        new Evidence(
            SOURCE_IDENTIFICATION,
            exchange.firstSeen(),
            exchange.firstOrigin(),
            exchange.fields(complete)));
  }

  private void announceServer(Instant at, String origin, Authority authority) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("port", flow.server().port());
    fields.put("answered", authority == Authority.DEVICE_REPORTED);
    sink.observe(
        Presence.server(
            PROTOCOL, flow, authority, new Evidence(SOURCE_SERVER, at, origin, fields)));
  }

  private void announceClient(PduContext ctx) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("protocol", PROTOCOL);
    fields.put("server", flow.server().ip());
    fields.put("serverPort", flow.server().port());
    sink.observe(
        Presence.client(
            PROTOCOL, flow, new Evidence(SOURCE_CLIENT, ctx.timestamp(), ctx.origin(), fields)));
  }

  private void observeServer(Identity identity, Evidence evidence) {
    sink.observe(
        new Observation(
            PROTOCOL, flow.server().device(), identity, Authority.DEVICE_REPORTED, evidence));
  }

  /** Warns about a structural problem, and once per connection about an unassigned code. */
  private void checkStructure(PduContext ctx, int functionCode, String problem) {
    if (problem != null) {
      warn(ctx, problem);
    }
    if (!FunctionCodes.isAssigned(functionCode)
        && (unassignedWarned[functionCode >>> 6] & (1L << (functionCode & 63))) == 0) {
      unassignedWarned[functionCode >>> 6] |= 1L << (functionCode & 63);
      warn(ctx, "function code " + functionCode + " is not assigned by the Modbus spec");
    }
  }

  private static void warn(PduContext ctx, String message) {
    ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, message));
  }
}
