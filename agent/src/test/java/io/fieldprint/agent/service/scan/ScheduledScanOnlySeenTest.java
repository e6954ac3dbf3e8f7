package io.fieldprint.agent.service.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.agent.service.config.AgentConfigReader;
import io.fieldprint.agent.service.config.ScanSettings;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan.onlySeen}: hosts of {@code scan.networks} are probed only once the live capture saw
 * them serve the protocol. Probes go to loopback addresses where nothing listens, so every probe
 * fails at once; what counts is which targets a pass probed (its inventory sources).
 */
class ScheduledScanOnlySeenTest {
  @TempDir Path dir;

  private final LiveInventory inventory = new LiveInventory(MergeLimits.DEFAULT);
  private final PassiveSightings sightings = new PassiveSightings();
  private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();

  private ScanSettings settings(String scan) throws Exception {
    return new AgentConfigReader()
        .parse(
            "agentId: a\nsite: s\ndataDirectory: d\ncapture: {interfaces: [lo]}\nscan:\n" + scan,
            dir)
        .scan()
        .orElseThrow();
  }

  private ScheduledScan scan(ScanSettings settings) {
    return new ScheduledScan(settings, inventory, sightings, audit::add, InstantSource.system());
  }

  private List<String> probed() {
    return inventory.snapshot().sources().stream()
        .filter(s -> s.kind().equals("scan"))
        .map(InventorySource::name)
        .sorted()
        .toList();
  }

  private static Observation seen(String protocol, String ip, Role role) {
    return new Observation(
        protocol,
        DeviceRef.of(null, ip),
        Identity.builder().role(role).build(),
        Authority.INFERRED,
        new Evidence("test", Instant.parse("2026-01-15T00:00:00Z"), "lo#1", Map.of()));
  }

  @Test
  void aNetworkHostIsProbedOnlyAfterTheCaptureSawItServeTheProtocol() throws Exception {
    ScanSettings settings =
        settings(
            "  allow: [127.0.0.0/24]\n  networks: [127.0.0.8/30]\n  protocols: [modbus, opcua]\n"
                + "  onlySeen: true\n  limits: {timeout: 500ms}\n");
    ScheduledScan scan = scan(settings);
    int all = settings.targets().size();

    scan.runPass();
    assertEquals(List.of(), probed(), "nothing seen yet: nothing probed");
    assertEquals(List.of(), audit, "not one request");
    assertEquals(all, scan.waiting());

    ObservationSink capture = sightings.recording(inventory);
    capture.observe(seen("modbus", "127.0.0.9", Role.SERVER));
    capture.observe(seen("opcua", "127.0.0.10", Role.CLIENT)); // a client is not probed as server
    capture.observe(seen("s7comm", "127.0.0.10", null)); // a protocol fieldprint does not scan
    scan.runPass();

    assertEquals(List.of("modbus://127.0.0.9:502"), probed());
    assertEquals(all - 1, scan.waiting());
  }

  @Test
  void explicitTargetsAreProbedWithoutASightingAndNothingOutsideAllowEver() throws Exception {
    ScanSettings settings =
        settings(
            "  allow: [127.0.0.8/30]\n  targets: [modbus://127.0.0.11:502]\n"
                + "  networks: [127.0.0.8/30]\n  protocols: [modbus]\n  onlySeen: true\n"
                + "  limits: {timeout: 500ms}\n");
    ScheduledScan scan = scan(settings);
    ObservationSink capture = sightings.recording(inventory);
    capture.observe(seen("modbus", "127.0.0.50", Role.SERVER)); // seen, but outside allow

    scan.runPass();

    assertEquals(List.of("modbus://127.0.0.11:502"), probed());
  }

  @Test
  void withoutOnlySeenEveryNetworkHostIsProbed() throws Exception {
    ScanSettings settings =
        settings(
            "  allow: [127.0.0.0/24]\n  networks: [127.0.0.8/30]\n  protocols: [modbus]\n"
                + "  limits: {timeout: 500ms}\n");
    ScheduledScan scan = scan(settings);

    scan.runPass();

    assertEquals(settings.targets().size(), probed().size());
    assertEquals(0, scan.waiting());
  }
}
