package io.fieldprint.protocols.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssetMergerTest {
  private static final String PLC_MAC = "00:1b:1b:01:02:03";
  private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");

  private final AssetMerger merger = new AssetMerger(MergeLimits.DEFAULT, MacRegistry.NONE);

  private static Observation obs(
      String protocol, DeviceRef ref, Identity id, Authority a, String origin, int second) {
    return new Observation(
        protocol,
        ref,
        id,
        a,
        new Evidence(protocol + ".test", T0.plusSeconds(second), origin, Map.of("n", second)));
  }

  private Inventory build() {
    return merger.build(List.of());
  }

  @Test
  void observationsOfOneDeviceOverTwoProtocolsBecomeOneAssetWithMacAndIp() {
    merger.observe(
        obs(
            "profinet",
            DeviceRef.of(PLC_MAC, null),
            Identity.builder().name("plc-line1").build(),
            Authority.DEVICE_REPORTED,
            "a.pcap#frame=1",
            1));
    merger.observe(
        obs(
            "s7comm",
            DeviceRef.of(PLC_MAC, "192.168.0.10"),
            Identity.builder()
                .model("6ES7 315-2EH14-0AB0")
                .firmware("V3.2.6")
                .role(Role.PLC)
                .build(),
            Authority.DEVICE_REPORTED,
            "a.pcap#frame=9",
            2));

    Inventory inv = build();

    assertEquals(1, inv.assets().size());
    Asset a = inv.assets().get(0);
    assertEquals("mac:" + PLC_MAC, a.id());
    assertEquals(List.of("192.168.0.10"), a.ip());
    assertEquals("plc-line1", a.name());
    assertEquals("V3.2.6", a.firmware());
    assertEquals(Role.PLC, a.role());
    assertEquals(List.of("profinet", "s7comm"), a.protocols());
    assertEquals("a.pcap#frame=9", a.attribution().get("firmware").origin());
    assertEquals(T0.plusSeconds(1), a.firstSeen());
    assertEquals(T0.plusSeconds(2), a.lastSeen());
    assertEquals(2, a.evidence().size());
  }

  @Test
  void aDeviceReportedValueBeatsAnEarlierPeerHint() {
    DeviceRef plc = DeviceRef.of(null, "10.0.0.5");
    merger.observe(
        obs(
            "opcua",
            plc,
            Identity.builder().name("hinted").build(),
            Authority.PEER_REPORTED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "snmp",
            plc,
            Identity.builder().name("reported").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=2",
            2));

    Asset a = build().assets().get(0);

    assertEquals("reported", a.name());
    assertEquals(Authority.DEVICE_REPORTED, a.attribution().get("name").authority());
  }

  @Test
  void theMoreSpecificProtocolWinsBetweenEqualAuthorities() {
    DeviceRef plc = DeviceRef.of(PLC_MAC, "10.0.0.5");
    merger.observe(
        obs(
            "snmp",
            plc,
            Identity.builder().firmware("4.2").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "s7comm",
            plc,
            Identity.builder().firmware("V4.2.1").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=2",
            2));

    assertEquals("V4.2.1", build().assets().get(0).firmware());
  }

  @Test
  void unknownFieldsStayNullAndTheMacRegistryOnlyFillsMacVendor() {
    AssetMerger withOui = new AssetMerger(MergeLimits.DEFAULT, mac -> Optional.of("Siemens AG"));
    withOui.observe(
        obs(
            "modbus",
            DeviceRef.of(PLC_MAC, "10.0.0.7"),
            Identity.NONE,
            Authority.INFERRED,
            "x#frame=1",
            1));

    Asset a = withOui.build(List.of()).assets().get(0);

    assertNull(a.vendor());
    assertNull(a.firmware());
    assertEquals("Siemens AG", a.macVendor());
    assertEquals(Role.UNKNOWN, a.role());
  }

  @Test
  void aRoutersMacDoesNotMergeTheDevicesBehindIt() {
    String router = "00:00:5e:00:01:01";
    for (int i = 1; i <= 6; i++) {
      merger.observe(
          obs(
              "modbus",
              DeviceRef.of(router, "10.1.0." + i),
              Identity.builder().role(Role.SERVER).build(),
              Authority.INFERRED,
              "x#frame=" + i,
              i));
    }

    Inventory inv = build();

    assertEquals(6, inv.assets().size());
    assertTrue(inv.assets().stream().allMatch(a -> a.id().startsWith("ip:10.1.0.")));
  }

  @Test
  void anAddressUsedByManyDevicesDoesNotJoinThemIntoOneAsset() {
    for (int i = 1; i <= 3; i++) {
      merger.observe(
          obs(
              "profinet",
              DeviceRef.of("00:30:de:00:00:0" + i, "192.168.0.1"),
              Identity.builder().name("station-" + i).build(),
              Authority.DEVICE_REPORTED,
              "x#frame=" + i,
              i));
    }

    Inventory inv = build();

    assertEquals(3, inv.assets().size());
    assertTrue(inv.assets().stream().allMatch(a -> a.mac().size() == 1));
  }

  @Test
  void aDeviceSeenWithTwoMacsForOneAddressStaysOneAsset() {
    merger.observe(
        obs(
            "lldp",
            DeviceRef.of("00:0e:8c:00:00:01", "10.0.0.2"),
            Identity.NONE,
            Authority.DEVICE_REPORTED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "snmp",
            DeviceRef.of("00:0e:8c:00:00:02", "10.0.0.2"),
            Identity.NONE,
            Authority.DEVICE_REPORTED,
            "x#frame=2",
            2));

    assertEquals(1, build().assets().size());
  }

  @Test
  void theSameSerialSeenUnderUnrelatedAddressesIsOneDevice() {
    merger.observe(
        obs(
            "s7comm",
            DeviceRef.of(null, "10.9.0.5"),
            Identity.builder().serial("S C-X4U421302009").firmware("V3.2.6").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "profinet",
            DeviceRef.of(PLC_MAC, "192.168.0.1"),
            Identity.builder().serial("s c-x4u421302009").name("plc-line1").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=2",
            2));

    Inventory inv = build();

    assertEquals(1, inv.assets().size());
    assertEquals(List.of("10.9.0.5", "192.168.0.1"), inv.assets().get(0).ip());
    assertEquals("plc-line1", inv.assets().get(0).name());
  }

  @Test
  void placeholderSerialsAndSharedNamesJoinNothing() {
    merger.observe(
        obs(
            "enip",
            DeviceRef.of(null, "10.0.0.1"),
            Identity.builder().serial("0x00000000").name("controller").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "enip",
            DeviceRef.of(null, "10.0.0.2"),
            Identity.builder().serial("0x00000000").name("controller").build(),
            Authority.DEVICE_REPORTED,
            "x#frame=2",
            2));

    assertEquals(2, build().assets().size());
  }

  @Test
  void loopbackAddressesInDifferentCapturesAreDifferentHosts() {
    DeviceRef lo = DeviceRef.of(null, "127.0.0.1");
    merger.observe(
        obs(
            "opcua",
            lo,
            Identity.builder().product("A").build(),
            Authority.DEVICE_REPORTED,
            "one.pcap#frame=1",
            1));
    merger.observe(
        obs(
            "opcua",
            lo,
            Identity.builder().product("B").build(),
            Authority.DEVICE_REPORTED,
            "two.pcap#frame=1",
            1));

    Inventory inv = build();

    assertEquals(
        List.of("ip:127.0.0.1@one.pcap", "ip:127.0.0.1@two.pcap"),
        inv.assets().stream().map(Asset::id).toList());
  }

  @Test
  void everyRequestOfOneScannedLoopbackTargetDescribesOneHost() {
    DeviceRef lo = DeviceRef.of(null, "127.0.0.1");
    merger.observe(
        obs(
            "opcua",
            lo,
            Identity.builder().vendor("V").build(),
            Authority.DEVICE_REPORTED,
            "opc.tcp://127.0.0.1:4840 Read i=2261",
            1));
    merger.observe(
        obs(
            "opcua",
            lo,
            Identity.builder().serial("S").build(),
            Authority.DEVICE_REPORTED,
            "opc.tcp://127.0.0.1:4840 Browse ns=DI;i=5001 + Read",
            1));
    merger.observe(
        obs(
            "opcua",
            lo,
            Identity.builder().product("other").build(),
            Authority.DEVICE_REPORTED,
            "opc.tcp://127.0.0.1:4841 Read i=2261",
            1));

    Inventory inv = build();

    assertEquals(
        List.of("ip:127.0.0.1@opc.tcp://127.0.0.1:4840", "ip:127.0.0.1@opc.tcp://127.0.0.1:4841"),
        inv.assets().stream().map(Asset::id).toList());
  }

  @Test
  void multicastAndBroadcastAddressesNeverBecomeAssets() {
    merger.observe(
        obs(
            "lldp",
            DeviceRef.of("01:80:c2:00:00:0e", null),
            Identity.NONE,
            Authority.INFERRED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "enip",
            DeviceRef.of(null, "255.255.255.255"),
            Identity.NONE,
            Authority.INFERRED,
            "x#frame=2",
            2));
    merger.observe(
        obs(
            "snmp",
            DeviceRef.of(null, "224.0.0.1"),
            Identity.NONE,
            Authority.INFERRED,
            "x#frame=3",
            3));

    assertTrue(build().assets().isEmpty());
  }

  @Test
  void aSpecificRoleBeatsServerWhichBeatsClient() {
    DeviceRef d = DeviceRef.of(PLC_MAC, "10.0.0.9");
    merger.observe(
        obs(
            "modbus",
            d,
            Identity.builder().role(Role.CLIENT).build(),
            Authority.INFERRED,
            "x#frame=1",
            1));
    merger.observe(
        obs(
            "modbus",
            d,
            Identity.builder().role(Role.SERVER).build(),
            Authority.INFERRED,
            "x#frame=2",
            2));
    assertEquals(Role.SERVER, build().assets().get(0).role());

    merger.observe(
        obs(
            "enip",
            d,
            Identity.builder().role(Role.PLC).build(),
            Authority.DEVICE_REPORTED,
            "x#frame=3",
            3));
    assertEquals(Role.PLC, build().assets().get(0).role());
  }

  @Test
  void repeatedEvidenceIsKeptOnceAndTheRestIsCountedNotStored() {
    DeviceRef d = DeviceRef.of(PLC_MAC, "10.0.0.9");
    Evidence same =
        new Evidence("modbus.read-device-identification", T0, "x#frame=1", Map.of("v", "A"));
    for (int i = 0; i < 1000; i++) {
      merger.observe(new Observation("modbus", d, Identity.NONE, Authority.DEVICE_REPORTED, same));
    }
    for (int i = 0; i < 100; i++) {
      merger.observe(
          new Observation(
              "modbus",
              d,
              Identity.NONE,
              Authority.DEVICE_REPORTED,
              new Evidence("modbus.poll", T0.plusSeconds(i), "x#frame=" + i, Map.of("i", i))));
    }

    Asset a = build().assets().get(0);

    assertEquals(MergeLimits.DEFAULT.maxEvidencePerAsset(), a.evidence().size());
    assertEquals(1 + 100 - MergeLimits.DEFAULT.maxEvidencePerAsset(), a.evidenceOmitted());
  }

  @Test
  void theSameFindingUnderTwoAddressesOfOneAssetIsFoldedAndCounted() {
    merger.observe(
        obs(
            "opcua",
            DeviceRef.of(PLC_MAC, "10.0.0.9"),
            Identity.NONE,
            Authority.INFERRED,
            "x#frame=1",
            1));
    Evidence e = new Evidence("opcua.get-endpoints-response", T0, "x#frame=2", Map.of());
    for (DeviceRef ref :
        List.of(DeviceRef.of(PLC_MAC, "10.0.0.9"), DeviceRef.of(null, "10.0.0.9"))) {
      merger.finding(
          new Finding(
              ref, "opcua.security-mode-none", Severity.MEDIUM, "t", "opc.tcp://plc:4840", e));
    }

    Inventory inv = build();

    assertEquals(1, inv.findings().size());
    assertEquals("mac:" + PLC_MAC, inv.findings().get(0).assetId());
    assertEquals(2, inv.findings().get(0).occurrences());
  }

  @Test
  void deviceCountIsBoundedAndTheDroppedAreCounted() {
    AssetMerger small = new AssetMerger(new MergeLimits(10, 4, 1, 10, 4, 2), MacRegistry.NONE);
    for (int i = 0; i < 50; i++) {
      small.observe(
          obs(
              "modbus",
              DeviceRef.of(null, "10.2.0." + i),
              Identity.NONE,
              Authority.INFERRED,
              "x#frame=" + i,
              i));
    }

    assertEquals(10, small.build(List.of()).assets().size());
    assertEquals(40, small.devicesDropped());
  }
}
