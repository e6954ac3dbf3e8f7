package io.fieldprint.protocols.active.modbus;

import io.fieldprint.protocols.active.ModbusRequest;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.modbus.ExceptionCode;
import io.fieldprint.protocols.modbus.ModbusTcp;
import io.fieldprint.protocols.modbus.ReportServerIdResponse;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One probe of one target: the unit-id loop, FC 17, and what is reported. Not thread-safe. */
final class ModbusProbeRun {

  static final String SOURCE_IDENTIFICATION = "modbus.read-device-identification";
  static final String SOURCE_SERVER_ID = "modbus.report-server-id";
  static final String SOURCE_SERVER = "modbus.server";

  private final ScanTarget target;
  private final ScanLimits limits;
  private final ModbusExchanges exchanges;
  private final ObservationSink sink;
  private final InstantSource clock;
  private final List<String> reasons = new ArrayList<>();
  private boolean identified;
  private boolean answered;
  private boolean failed;

  ModbusProbeRun(
      ScanTarget target,
      ScanLimits limits,
      ModbusExchanges exchanges,
      ObservationSink sink,
      InstantSource clock) {
    this.target = target;
    this.limits = limits;
    this.exchanges = exchanges;
    this.sink = sink;
    this.clock = clock;
  }

  ProbeReport run() {
    for (int unit : units()) {
      UnitResult result = probeUnit(unit);
      if (result == UnitResult.STOP || result == UnitResult.ANSWERED) {
        break;
      }
      if (result == UnitResult.GATEWAY && !unitListConfigured()) {
        reason("gateway exception: further unit ids not tried (configure unitIds to try them)");
        break;
      }
    }
    return new ProbeReport(
        target,
        status(),
        exchanges.sent(),
        exchanges.responses(),
        exchanges.bytesReceived(),
        reasons);
  }

  private UnitResult probeUnit(int unit) {
    IdentificationStream basic = stream(unit, 1);
    UnitResult result = basic.read();
    if (result != UnitResult.ANSWERED) {
      return result;
    }
    int level = basic.conformityLevel() & 0x7F;
    if (level >= 2 && stream(unit, 2).read() == UnitResult.STOP) {
      return UnitResult.STOP;
    }
    if (level >= 3 && stream(unit, 3).read() == UnitResult.STOP) {
      return UnitResult.STOP;
    }
    reportServerId(unit);
    return UnitResult.ANSWERED;
  }

  private IdentificationStream stream(int unit, int code) {
    return new IdentificationStream(this, unit, code);
  }

  private void reportServerId(int unit) {
    String origin = origin(unit) + " FC17";
    ModbusReply reply = exchanges.send(ModbusRequest.reportServerId(unit));
    if (!(reply instanceof ModbusReply.Frame frame)) {
      failedExchange(origin, reply);
      return;
    }
    int fc = frame.functionCode();
    if (fc == 0x91) {
      exceptionAnswer(origin, frame);
      return;
    }
    if (fc != ModbusRequest.REPORT_SERVER_ID) {
      malformed(origin, "response function code " + fc + " to FC17");
      return;
    }
    Parsed<ReportServerIdResponse> parsed =
        ReportServerIdResponse.parse(ByteBuffer.wrap(frame.frame()), 7, frame.frame().length);
    if (parsed instanceof Parsed.Malformed<ReportServerIdResponse> m) {
      malformed(origin, m.reason());
      return;
    }
    ReportServerIdResponse response = ((Parsed.Ok<ReportServerIdResponse>) parsed).value();
    if (response.truncated()) {
      malformed(origin, "report server id byte count larger than the response");
    }
    observe(Identity.NONE, new Evidence(SOURCE_SERVER_ID, now(), origin, response.fields(unit)));
  }

  // --- reporting, used by IdentificationStream -------------------------------------------------

  ModbusExchanges exchanges() {
    return exchanges;
  }

  Instant now() {
    return clock.instant();
  }

  /** {@code modbus://host:port/unit}, the prefix of every evidence origin. */
  String origin(int unit) {
    return "modbus://" + target.host() + ":" + target.port() + "/" + unit;
  }

  void identified(Identity identity, Evidence evidence) {
    identified |= identity.vendor() != null || identity.model() != null;
    observe(identity, evidence);
  }

  /** A Modbus exception response: the device is alive; gateway codes make it a gateway. */
  int exceptionAnswer(String origin, ModbusReply.Frame frame) {
    int code = frame.frame().length > 8 ? frame.frame()[8] & 0xFF : -1;
    String label = code < 0 ? "without exception code" : ExceptionCode.label(code);
    reason(origin + ": exception " + String.format("0x%02X", code & 0xFF) + " " + label);
    Map<String, Object> fields = serverFields(origin);
    fields.put("exceptionCode", code);
    fields.put("exception", label);
    answered = true;
    boolean gateway = code >= 0 && ExceptionCode.isGatewayCode(code);
    Identity identity = gateway ? Identity.builder().role(Role.GATEWAY).build() : Identity.NONE;
    observe(identity, new Evidence(SOURCE_SERVER, now(), origin, fields));
    return code;
  }

  void failedExchange(String origin, ModbusReply reply) {
    if (reply instanceof ModbusReply.Silence s) {
      reason(origin + ": " + s.reason());
    } else if (reply instanceof ModbusReply.Unreachable u) {
      reason(origin + ": " + u.reason());
    } else if (reply instanceof ModbusReply.NotSent n) {
      reason(origin + ": not sent: " + n.reason());
    } else if (reply instanceof ModbusReply.Broken b) {
      malformed(origin, b.reason());
    }
  }

  void malformed(String origin, String what) {
    failed = true;
    reason(origin + ": " + what);
    sink.warning(new DecodeWarning(origin, ModbusTcp.NAME, what));
  }

  void reason(String text) {
    if (reasons.size() < ProbeReport.MAX_REASONS) {
      reasons.add(text);
    }
  }

  void announce(String origin) {
    if (!answered) {
      answered = true;
      observe(Identity.NONE, new Evidence(SOURCE_SERVER, now(), origin, serverFields(origin)));
    }
  }

  private Map<String, Object> serverFields(String origin) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("port", target.port());
    fields.put("answered", true);
    fields.put("request", origin);
    return fields;
  }

  private void observe(Identity identity, Evidence evidence) {
    sink.observe(
        new Observation(
            ModbusTcp.NAME,
            DeviceRef.of(null, exchanges.address()),
            identity,
            Authority.DEVICE_REPORTED,
            evidence));
  }

  private List<Integer> units() {
    return target.unitId().isPresent() ? List.of(target.unitId().getAsInt()) : limits.unitIds();
  }

  private boolean unitListConfigured() {
    return !limits.unitIds().equals(ScanLimits.defaults().unitIds());
  }

  private ProbeReport.Status status() {
    if (identified) {
      return ProbeReport.Status.IDENTIFIED;
    }
    if (answered) {
      return ProbeReport.Status.ANSWERED;
    }
    return failed ? ProbeReport.Status.FAILED : ProbeReport.Status.NO_ANSWER;
  }

  /** How probing one unit ended. */
  enum UnitResult {
    /** The unit answered (objects or an exception that is not a gateway's). */
    ANSWERED,
    /** A gateway exception: the unit behind the gateway is not reachable. */
    GATEWAY,
    /** No answer from this unit; the next unit id may be tried. */
    SILENT,
    /** Nothing more may be sent to this device. */
    STOP
  }
}
