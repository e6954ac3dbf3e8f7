package io.fieldprint.protocols.profinet;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.EtherTypeProtocol;
import io.fieldprint.protocols.decode.LinkContext;
import io.fieldprint.protocols.decode.RepeatFilter;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PROFINET DCP (EtherType 0x8892, FrameIDs 0xFEFC-0xFEFF). Other PROFINET RT frames (cyclic I/O,
 * alarms) are skipped after reading the FrameID.
 *
 * <p>Attribution: Identify responses, Get responses and Hello requests describe their sender
 * (DEVICE_REPORTED). Identify and Get requests only show that the sender speaks DCP as a client; a
 * NameOfStation filter in an Identify request names the station searched for, not the sender, and
 * is kept as a field only. Set requests describe the destination: the name or address being
 * assigned becomes a PEER_REPORTED hint about it.
 */
public final class ProfinetDcpDecoder implements EtherTypeProtocol {
  public static final int ETHER_TYPE = 0x8892;
  static final int FRAME_HELLO = 0xFEFC;
  static final int FRAME_GET_SET = 0xFEFD;
  static final int FRAME_IDENTIFY_REQUEST = 0xFEFE;
  static final int FRAME_IDENTIFY_RESPONSE = 0xFEFF;

  /** FrameID u16, ServiceID u8, ServiceType u8, Xid u32, reserved/ResponseDelay u16, length u16. */
  private static final int DCP_HEADER_LENGTH = 12;

  private final RepeatFilter repeats = new RepeatFilter(Duration.ofSeconds(60), 4096);
  private static final String PROTOCOL = "profinet";

  private final ProfinetVendors vendors;

  public ProfinetDcpDecoder() {
    this(ProfinetVendors.shipped());
  }

  ProfinetDcpDecoder(ProfinetVendors vendors) {
    this.vendors = vendors;
  }

  @Override
  public String name() {
    return PROTOCOL;
  }

  @Override
  public int etherType() {
    return ETHER_TYPE;
  }

  @Override
  public void onFrame(LinkContext ctx, ByteBuffer payload) {
    int p = payload.position();
    if (payload.remaining() < 2) {
      warn(ctx, "PROFINET frame of " + payload.remaining() + " bytes has no FrameID");
      return;
    }
    int frameId = payload.getShort(p) & 0xFFFF;
    if (frameId < FRAME_HELLO || frameId > FRAME_IDENTIFY_RESPONSE) {
      return;
    }
    if (isUnchangedResponse(ctx, frameId, payload)) {
      return;
    }
    DcpParser.Result result = DcpParser.parse(payload);
    if (result instanceof DcpParser.Malformed m) {
      warn(ctx, m.reason());
    } else if (result instanceof DcpParser.Parsed parsed) {
      DcpPdu pdu = parsed.pdu();
      DcpStation station = DcpBlockDecoder.decode(payload, pdu);
      pdu.problems().forEach(problem -> warn(ctx, problem));
      station.problems().forEach(problem -> warn(ctx, problem));
      attribute(ctx, pdu.header(), station);
    }
  }

  /**
   * An identify response that repeats the sender's last one (its blocks after the header; the
   * transaction id changes with every request) within a minute carries nothing new.
   */
  private boolean isUnchangedResponse(LinkContext ctx, int frameId, ByteBuffer payload) {
    int blocks = payload.position() + DCP_HEADER_LENGTH;
    if (frameId != FRAME_IDENTIFY_RESPONSE || payload.limit() < blocks) {
      return false;
    }
    return repeats.isRepeat(ctx.sourceMac(), payload.duplicate().position(blocks), ctx.timestamp());
  }

  private void attribute(LinkContext ctx, DcpHeader h, DcpStation station) {
    if (ctx.sourceMac() == null || ctx.destinationMac() == null) {
      return;
    }
    boolean describesSender =
        (h.isResponse()
                && (h.serviceId() == DcpHeader.SERVICE_IDENTIFY
                    || h.serviceId() == DcpHeader.SERVICE_GET))
            || (!h.isResponse() && h.serviceId() == DcpHeader.SERVICE_HELLO);
    if (describesSender) {
      DeviceRef subject = DeviceRef.of(ctx.sourceMac(), usableIp(station));
      observe(ctx, h, station, subject, identity(station), Authority.DEVICE_REPORTED);
    } else if (!h.isResponse() && h.serviceId() == DcpHeader.SERVICE_SET) {
      String assigned = station.ipSet() ? usableIp(station) : null;
      Identity hint = Identity.builder().name(station.nameOfStation()).build();
      DeviceRef subject = DeviceRef.of(ctx.destinationMac(), assigned);
      observe(ctx, h, station, subject, hint, Authority.PEER_REPORTED);
    } else if (isUnicast(ctx.sourceMac())) {
      // a client request or a Set response: presence of the sender only
      observe(
          ctx,
          h,
          station,
          DeviceRef.of(ctx.sourceMac(), null),
          Identity.NONE,
          Authority.DEVICE_REPORTED);
    }
  }

  private void observe(
      LinkContext ctx,
      DcpHeader h,
      DcpStation station,
      DeviceRef subject,
      Identity identity,
      Authority authority) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("frameId", String.format("0x%04x", h.frameId()));
    fields.put("serviceId", h.serviceId());
    fields.put("serviceType", h.serviceType());
    fields.put("xid", String.format("0x%08x", h.xid()));
    if (h.serviceId() == DcpHeader.SERVICE_IDENTIFY && !h.isResponse()) {
      fields.put("responseDelay", h.responseDelay());
    }
    fields.put("sourceMac", ctx.sourceMac());
    fields.put("destinationMac", ctx.destinationMac());
    if (ctx.vlanId() >= 0) {
      fields.put("vlanId", ctx.vlanId());
    }
    station.fields().forEach((k, v) -> fields.put(filterKey(h, k), v));
    String source = "profinet.dcp." + h.serviceName() + (h.isResponse() ? "-response" : "-request");
    Evidence evidence = new Evidence(source, ctx.timestamp(), ctx.origin(), fields);
    ctx.sink().observe(new Observation(PROTOCOL, subject, identity, authority, evidence));
  }

  /**
   * Blocks of an Identify request are search filters: prefix their keys so nobody reads them as
   * claims.
   */
  private static String filterKey(DcpHeader h, String key) {
    boolean filter = h.serviceId() == DcpHeader.SERVICE_IDENTIFY && !h.isResponse();
    return filter ? "filter" + Character.toUpperCase(key.charAt(0)) + key.substring(1) : key;
  }

  private Identity identity(DcpStation s) {
    Identity.Builder id = Identity.builder().name(s.nameOfStation()).product(s.typeOfStation());
    if (s.vendorId() >= 0) {
      vendors.vendor(s.vendorId()).ifPresent(id::vendor);
    }
    return id.role(role(s.roleBits())).build();
  }

  /** DeviceRole: IO-Controller → PLC, Supervisor → engineering, IO-Device → I/O. */
  static Role role(int bits) {
    if (bits < 0) {
      return null;
    }
    if ((bits & 0x02) != 0) {
      return Role.PLC;
    }
    if ((bits & 0x08) != 0) {
      return Role.ENGINEERING;
    }
    return (bits & 0x01) != 0 ? Role.IO : null;
  }

  private static String usableIp(DcpStation s) {
    return s.ipSet() && s.ip() != null && !"0.0.0.0".equals(s.ip()) ? s.ip() : null;
  }

  private static boolean isUnicast(String mac) {
    if (mac == null || mac.length() < 2) {
      return false;
    }
    return (Character.digit(mac.charAt(1), 16) & 0x01) == 0;
  }

  private static void warn(LinkContext ctx, String message) {
    ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, message));
  }
}
