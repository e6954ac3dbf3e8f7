package io.fieldprint.protocols.lldp;

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
import io.fieldprint.protocols.sysdescr.SystemDescription;
import io.fieldprint.protocols.sysdescr.SystemDescriptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LLDP (EtherType 0x88CC, IEEE 802.1AB). Every LLDPDU is the sender describing itself: one
 * DEVICE_REPORTED observation about the sender, keyed by its chassis MAC when the chassis id is a
 * MAC address (the same for all its ports) and by the frame's source MAC otherwise, plus the IPv4
 * management address when it names a host. A sender's unchanged repeats within a minute are not
 * decoded again.
 */
public final class LldpDecoder implements EtherTypeProtocol {
  public static final int ETHER_TYPE = 0x88CC;
  private static final String PROTOCOL = "lldp";

  private final SystemDescriptions descriptions;
  private final RepeatFilter repeats = new RepeatFilter(Duration.ofSeconds(60), 4096);

  public LldpDecoder() {
    this(SystemDescriptions.shipped());
  }

  LldpDecoder(SystemDescriptions descriptions) {
    this.descriptions = descriptions;
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
    if (repeats.isRepeat(ctx.sourceMac(), payload, ctx.timestamp())) {
      return;
    }
    LldpDu du = LldpParser.parse(payload);
    for (String problem : du.problems()) {
      ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, problem));
    }
    if (du.chassisId() == null && du.systemName() == null && du.systemDescription() == null) {
      return;
    }
    String mac =
        du.chassisId() != null && du.chassisId().mac() != null
            ? du.chassisId().mac()
            : ctx.sourceMac();
    String ip =
        du.managementAddresses().stream()
            .map(ManagementAddress::usableIpv4)
            .filter(a -> a != null)
            .findFirst()
            .orElse(null);
    if (mac == null && ip == null) {
      return;
    }
    Evidence evidence = new Evidence("lldp.lldpdu", ctx.timestamp(), ctx.origin(), fields(ctx, du));
    ctx.sink()
        .observe(
            new Observation(
                PROTOCOL,
                DeviceRef.of(mac, ip),
                identity(du),
                Authority.DEVICE_REPORTED,
                evidence));
  }

  /**
   * Values parsed from the System Description win; LLDP-MED inventory fills the gaps (its model
   * name is usually not the order number the description carries).
   */
  Identity identity(LldpDu du) {
    SystemDescription d =
        descriptions
            .parse(du.systemDescription())
            .orElse(new SystemDescription(null, null, null, null, null, null, null, null));
    Map<String, String> inv = du.inventory();
    Role capabilityRole = du.capabilities() == null ? null : du.capabilities().role();
    String medFirmware = inv.getOrDefault("firmwareRevision", inv.get("softwareRevision"));
    return Identity.builder()
        .vendor(first(d.vendor(), inv.get("manufacturer")))
        .product(d.product())
        .model(first(d.model(), inv.get("model")))
        .firmware(first(d.firmware(), medFirmware))
        .hardware(first(d.hardware(), inv.get("hardwareRevision")))
        .serial(first(d.serial(), inv.get("serialNumber")))
        .name(name(du))
        .role(d.role() != null ? d.role() : capabilityRole)
        .build();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** System name, else a locally assigned chassis id (PROFINET NameOfStation). */
  private static String name(LldpDu du) {
    if (du.systemName() != null && !du.systemName().isBlank()) {
      return du.systemName();
    }
    LldpId chassis = du.chassisId();
    return chassis != null && chassis.subtype() == LldpId.CHASSIS_LOCAL ? chassis.value() : null;
  }

  private static Map<String, Object> fields(LinkContext ctx, LldpDu du) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sourceMac", ctx.sourceMac());
    if (ctx.vlanId() >= 0) {
      f.put("vlanId", ctx.vlanId());
    }
    id(f, "chassisId", du.chassisId());
    id(f, "portId", du.portId());
    if (du.ttl() >= 0) {
      f.put("ttl", du.ttl());
    }
    putText(f, "portDescription", du.portDescription());
    putText(f, "systemName", du.systemName());
    putText(f, "systemDescription", du.systemDescription());
    if (du.capabilities() != null) {
      f.put("systemCapabilities", SystemCapabilities.names(du.capabilities().capabilities()));
      f.put("enabledCapabilities", SystemCapabilities.names(du.capabilities().enabled()));
    }
    if (!du.managementAddresses().isEmpty()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ManagementAddress a : du.managementAddresses()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", a.family());
        m.put("address", a.address());
        m.put("interfaceNumbering", a.interfaceNumbering());
        m.put("interfaceNumber", a.interfaceNumber());
        if (a.oid() != null) {
          m.put("oid", a.oid());
        }
        list.add(m);
      }
      f.put("managementAddresses", list);
    }
    if (!du.organizationSpecific().isEmpty()) {
      f.put("organizationSpecific", du.organizationSpecific());
    }
    return f;
  }

  private static void id(Map<String, Object> f, String key, LldpId id) {
    if (id != null) {
      f.put(key, id.value());
      f.put(key + "Subtype", id.subtypeName());
    }
  }

  private static void putText(Map<String, Object> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }
}
