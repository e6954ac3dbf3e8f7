package io.fieldprint.collector.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small reports for the store contract. */
final class StoreFixtures {
  private StoreFixtures() {}

  static ReportedAsset plc(String id, String vendor, String firmware) {
    return new ReportedAsset(
        id,
        Optional.of("plc-" + id),
        Optional.ofNullable(vendor),
        Optional.of("S7-1500"),
        Optional.of("6ES7 515-2AM01-0AB0"),
        Optional.ofNullable(firmware),
        Optional.empty(),
        Optional.of("S C-X4U421302016"),
        "plc",
        List.of("192.168.0.10"),
        List.of(),
        List.of("s7comm"),
        Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
        Optional.of(Instant.parse("2026-01-01T01:00:00Z")),
        List.of(
            new ReportedAsset.ReportedEvidence(
                "s7comm.szl",
                "192.168.0.10:102",
                Optional.of(Instant.parse("2026-01-01T00:30:00Z")),
                "{\"firmware\":\"" + firmware + "\"}")));
  }

  static ReportedAsset bare(String id, String role) {
    return new ReportedAsset(
        id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        role,
        List.of("10.0.0.9"),
        List.of(),
        List.of("modbus"),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  static IncomingReport report(
      String agent, String site, String reportId, ReportedAsset... assets) {
    return new IncomingReport(
        agent, site, reportId, Optional.of("0.1.0"), List.of(assets), List.of());
  }
}
