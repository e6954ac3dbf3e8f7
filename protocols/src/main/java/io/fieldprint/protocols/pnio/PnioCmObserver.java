package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.RepeatFilter;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.profinet.ProfinetVendors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns PN-IO datagrams into observations. Who is described:
 *
 * <ul>
 *   <li>the server of a call (sender of a response, fault, reject...): {@code
 *       profinet.io-cm.server}, device-reported, with the vendor and device ids of the object UUID
 *       it answers for and the role of the interface it serves;
 *   <li>the client of a call: {@code profinet.io-cm.client}, inferred presence; a Connect request
 *       instead gives {@code profinet.io-cm.connect-request}, the CM initiator's own station name,
 *       ids and role (PLC, or engineering for a supervisor AR);
 *   <li>the destination of a request: {@code profinet.io-cm.request-target}, peer-reported, the ids
 *       of the object UUID called (and the modules a Connect expects there);
 *   <li>a Connect response's ARBlockRes and a Read response's identification records (I&amp;M0,
 *       PDInterfaceDataReal, ...) describe the responder: {@code profinet.io-cm.connect-response},
 *       {@code profinet.io-cm.read-response}.
 * </ul>
 *
 * Each distinct observation is reported once a minute of capture time at most (bounded memory), so
 * retransmissions, cyclic calls and reconnecting controllers do not flood the sink.
 */
final class PnioCmObserver {
  static final String PROTOCOL = "profinet";
  static final int CONNECT = 0;
  static final int READ = 2;
  static final int READ_IMPLICIT = 5;
  private static final int REMEMBERED = 4096;
  private static final String[] OPERATIONS = {
    "connect", "release", "read", "write", "control", "read-implicit"
  };

  private final ProfinetVendors vendors;

  /** Text of the common fields by call key, bounded (least recently used forgotten first). */
  private final Map<CallKey, Map<String, Object>> commonFields =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CallKey, Map<String, Object>> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** What was reported in the last minute of capture time is not reported again. */
  private final RepeatFilter recent = new RepeatFilter(Duration.ofSeconds(60), REMEMBERED);

  /** Call headers seen in the last minute of capture time. */
  private final RepeatFilter recentHeaders = new RepeatFilter(Duration.ofSeconds(60), REMEMBERED);

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  PnioCmObserver(ProfinetVendors vendors) {
    this.vendors = vendors;
  }

  void observe(DatagramContext ctx, ByteBuffer b, PnioPdu pdu) {
    DceRpcClHeader h = pdu.header();
    // what follows from the header alone (presence, request target, connect response) was already
    // said when the same call header passed within the minute: skip building it again
    boolean newHeader =
        !recentHeaders.isRepeat(
            new CallHeader(
                ctx.source().device(),
                ctx.destination().device(),
                h.object(),
                pdu.pnioInterface(),
                h.packetType(),
                h.opnum(),
                h.littleEndian()),
            NOTHING,
            ctx.timestamp());
    if (h.fromServer()) {
      server(ctx, b, pdu, newHeader);
    } else if (h.fromClient()) {
      client(ctx, b, pdu, newHeader);
    }
  }

  /** The parts of a datagram's header that everything but its body depends on. */
  private record CallHeader(
      DeviceRef from,
      DeviceRef to,
      UUID object,
      PnioInterface pnioInterface,
      int packetType,
      int opnum,
      boolean littleEndian) {}

  private void client(DatagramContext ctx, ByteBuffer b, PnioPdu pdu, boolean newHeader) {
    DceRpcClHeader h = pdu.header();
    boolean request = h.packetType() == DceRpcClHeader.REQUEST;
    boolean connectRequest = request && h.opnum() == CONNECT && h.startsBody();
    if (!newHeader && !connectRequest) {
      return;
    }
    ConnectRequest connect = null;
    if (connectRequest) {
      connect = ConnectRequest.decode(b, pdu);
      warn(ctx, connect.problems());
    }
    if (request) {
      target(ctx, pdu, connect);
    }
    if (connect != null && connect.ar() != null) {
      initiator(ctx, pdu, connect.ar());
    } else {
      Identity role = Identity.builder().role(pdu.pnioInterface().clientRole()).build();
      emit(ctx, pdu, ctx.source().device(), role, Authority.INFERRED, "client", call(pdu));
    }
  }

  private void server(DatagramContext ctx, ByteBuffer b, PnioPdu pdu, boolean newHeader) {
    DceRpcClHeader h = pdu.header();
    Role role = pdu.pnioInterface().serverRole();
    if (!newHeader) {
      identification(ctx, b, pdu, role);
      return;
    }
    Identity id = ids(PnioObjectUuid.of(h.object()), role).build();
    Map<String, Object> fields = call(pdu);
    if (h.packetType() == DceRpcClHeader.FAULT || h.packetType() == DceRpcClHeader.REJECT) {
      int at = pdu.bodyStart();
      if (pdu.bodyEnd() - at >= 4) {
        fields.put("status", FieldText.hex32(NdrData.u32(b, at, h.littleEndian())));
      }
    }
    emit(ctx, pdu, ctx.source().device(), id, Authority.DEVICE_REPORTED, "server", fields);
    identification(ctx, b, pdu, role);
  }

  /** Connect and Read responses carry the responder's own data: always decoded. */
  private void identification(DatagramContext ctx, ByteBuffer b, PnioPdu pdu, Role role) {
    DceRpcClHeader h = pdu.header();
    if (h.packetType() == DceRpcClHeader.RESPONSE && h.startsBody()) {
      if (h.opnum() == CONNECT) {
        connectResponse(ctx, b, pdu, role);
      } else if (h.opnum() == READ || h.opnum() == READ_IMPLICIT) {
        readResponse(ctx, b, pdu, role);
      }
    }
  }

  /** A peer-reported hint about the device (or controller) a request is addressed to. */
  private void target(DatagramContext ctx, PnioPdu pdu, ConnectRequest connect) {
    Endpoint to = ctx.destination();
    if (pdu.header().broadcast() || !unicast(to.mac())) {
      return;
    }
    Map<String, Object> fields = common(pdu);
    if (connect != null && !connect.expected().isEmpty()) {
      fields.put(
          "expectedModules",
          connect.expected().stream().map(ExpectedSubmoduleBlockReq::fields).toList());
      if (connect.expectedCut()) {
        fields.put("expectedModulesCut", true);
      }
    }
    Role role = pdu.pnioInterface().serverRole();
    Identity id = ids(PnioObjectUuid.of(pdu.header().object()), role).build();
    emit(ctx, pdu, to.device(), id, Authority.PEER_REPORTED, "request-target", fields);
  }

  /** The CM initiator of a Connect request describes itself in its ARBlockReq. */
  private void initiator(DatagramContext ctx, PnioPdu pdu, ArBlockReq ar) {
    PnioObjectUuid own = PnioObjectUuid.of(ar.cmInitiatorObjectUuid());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("interface", pdu.pnioInterface().jsonName());
    f.put("dataRepresentation", pdu.header().littleEndian() ? "little-endian" : "big-endian");
    f.put("arType", FieldText.hex16(ar.arType()));
    f.put("arTypeName", ar.arTypeName());
    f.put("arProperties", FieldText.hex32(ar.arProperties()));
    f.put("cmInitiatorMac", ar.cmInitiatorMac());
    String sender = ctx.source().mac();
    if (sender != null && !sender.equals(ar.cmInitiatorMac())) {
      f.put("cmInitiatorMacDiffers", true);
    }
    f.put("cmInitiatorObjectUuid", ar.cmInitiatorObjectUuid().toString());
    putIds(f, "cmInitiator", own);
    f.put("cmInitiatorStationName", ar.stationName());
    f.put("cmInitiatorActivityTimeoutFactor", ar.activityTimeoutFactor());
    f.put("cmInitiatorUdpRtPort", FieldText.hex16(ar.udpRtPort()));
    Role role =
        ar.supervisor() ? Role.ENGINEERING : "reserved".equals(ar.arTypeName()) ? null : Role.PLC;
    Identity id = ids(own, role).name(ar.stationName()).build();
    emit(ctx, pdu, ctx.source().device(), id, Authority.DEVICE_REPORTED, "connect-request", f);
  }

  private void connectResponse(DatagramContext ctx, ByteBuffer b, PnioPdu pdu, Role role) {
    ConnectResponse r = ConnectResponse.decode(b, pdu);
    warn(ctx, r.problems());
    if (r.pnioStatus() < 0) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("pnioStatus", FieldText.hex32(r.pnioStatus()));
    if (r.ar() != null) {
      f.put("arType", FieldText.hex16(r.ar().arType()));
      f.put("cmResponderMac", r.ar().cmResponderMac());
      f.put("cmResponderUdpRtPort", FieldText.hex16(r.ar().udpRtPort()));
    }
    Identity id = Identity.builder().role(role).build();
    emit(ctx, pdu, ctx.source().device(), id, Authority.DEVICE_REPORTED, "connect-response", f);
  }

  private void readResponse(DatagramContext ctx, ByteBuffer b, PnioPdu pdu, Role role) {
    ReadResponse r = ReadResponse.decode(b, pdu);
    warn(ctx, r.problems());
    RecordData d = r.records();
    if (d == null || !d.found()) {
      return;
    }
    IodReadResHeader h = r.header();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("index", FieldText.hex16(h.index()));
    f.put("api", h.api());
    f.put("slot", h.slot());
    f.put("subslot", FieldText.hex16(h.subslot()));
    Identity.Builder id = Identity.builder().role(role);
    if (!d.im0.isEmpty()) {
      f.put("im0", List.copyOf(d.im0));
    }
    if (d.deviceIm0 != null) {
      IAndM0 m = d.deviceIm0;
      vendors.vendor(m.vendorId()).ifPresent(id::vendor);
      id.model(m.orderId()).serial(m.serialNumber()).firmware(m.softwareRevision());
      id.hardware(String.valueOf(m.hardwareRevision()));
    }
    if (!d.im0Filter.isEmpty()) {
      f.put("im0FilterData", Map.copyOf(d.im0Filter));
    }
    if (d.interfaceData != null) {
      f.put("pdInterface", d.interfaceData.fields());
      id.name(d.interfaceData.ownChassisId());
    }
    if (!d.ports.isEmpty()) {
      f.put("ports", List.copyOf(d.ports));
    }
    emit(
        ctx, pdu, ctx.source().device(), id.build(), Authority.DEVICE_REPORTED, "read-response", f);
  }

  /** Interface, object UUID with its ids, data representation (a fresh, modifiable map). */
  private Map<String, Object> common(PnioPdu pdu) {
    CallKey key =
        new CallKey(pdu.header().object(), pdu.pnioInterface(), pdu.header().littleEndian());
    return new LinkedHashMap<>(commonFields.computeIfAbsent(key, PnioCmObserver::commonFields));
  }

  private static Map<String, Object> commonFields(CallKey key) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("interface", key.pnioInterface().jsonName());
    f.put("objectUuid", key.object().toString());
    putIds(f, "", PnioObjectUuid.of(key.object()));
    f.put("dataRepresentation", key.littleEndian() ? "little-endian" : "big-endian");
    return f;
  }

  /** What one observation says, for the once-a-minute check. */
  private record Said(DeviceRef subject, String kind, int fieldsHash) {}

  /** What the common fields of a call depend on; their text is built once per distinct key. */
  private record CallKey(UUID object, PnioInterface pnioInterface, boolean littleEndian) {}

  /** {@link #common} plus packet type and operation. */
  private Map<String, Object> call(PnioPdu pdu) {
    Map<String, Object> f = common(pdu);
    DceRpcClHeader h = pdu.header();
    f.put("packetType", h.packetTypeName());
    f.put(
        "operation", h.opnum() < OPERATIONS.length ? OPERATIONS[h.opnum()] : "opnum-" + h.opnum());
    return f;
  }

  private static void putIds(Map<String, Object> f, String prefix, PnioObjectUuid ids) {
    if (ids != null) {
      f.put(prefix.isEmpty() ? "vendorId" : prefix + "VendorId", ids.vendorIdText());
      f.put(prefix.isEmpty() ? "deviceId" : prefix + "DeviceId", ids.deviceIdText());
      f.put(prefix.isEmpty() ? "instance" : prefix + "Instance", ids.instance());
    }
  }

  private Identity.Builder ids(PnioObjectUuid ids, Role role) {
    Identity.Builder b = Identity.builder().role(role);
    if (ids != null) {
      vendors.vendor(ids.vendorId()).ifPresent(b::vendor);
    }
    return b;
  }

  private void emit(
      DatagramContext ctx,
      PnioPdu pdu,
      DeviceRef subject,
      Identity identity,
      Authority authority,
      String kind,
      Map<String, Object> fields) {
    String source = "profinet.io-cm." + kind;
    if (!recent.isRepeat(new Said(subject, kind, fields.hashCode()), NOTHING, ctx.timestamp())) {
      Evidence evidence = new Evidence(source, ctx.timestamp(), ctx.origin(), fields);
      ctx.sink().observe(new Observation(PROTOCOL, subject, identity, authority, evidence));
    }
  }

  private static boolean unicast(String mac) {
    return mac == null || (mac.length() > 1 && (Character.digit(mac.charAt(1), 16) & 0x01) == 0);
  }

  static void warn(DatagramContext ctx, List<String> problems) {
    for (String p : problems) {
      ctx.sink().warning(new DecodeWarning(ctx.origin(), PnioCmDecoder.NAME, p));
    }
  }
}
