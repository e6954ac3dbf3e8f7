package io.fieldprint.protocols.active.modbus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.ScanTargetParser;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.RecordingSink;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A probe run against a test server with fast limits: 100 ms gap, 500 ms timeout, 1 s back-off. */
final class ProbeFixture {
  static final ScanLimits FAST =
      ScanLimits.builder()
          .minGap(Duration.ofMillis(100))
          .requestTimeout(Duration.ofMillis(500))
          .backoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
          .build();

  final RecordingSink sink = new RecordingSink();
  final List<AuditRecord> audit = new ArrayList<>();
  ProbeReport report;
  Duration took;

  static ProbeFixture run(ModbusTestServer server, String suffix) {
    return run(server, suffix, FAST);
  }

  static ProbeFixture run(ModbusTestServer server, String suffix, ScanLimits limits) {
    return run(target(server, suffix), limits);
  }

  static ProbeFixture run(ScanTarget target, ScanLimits limits) {
    ProbeFixture f = new ProbeFixture();
    List<AuditRecord> audit = f.audit;
    OutboundGate gate =
        new OutboundGate(
            limits,
            RequestPolicy.anonymousOnly(),
            InstantSource.system(),
            line -> {
              synchronized (audit) {
                audit.add(line);
              }
            });
    long start = System.nanoTime();
    f.report = new ModbusProbe(gate, limits, InstantSource.system()).probe(target, f.sink);
    f.took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        f.took.compareTo(ModbusProbe.timeBudget(limits).plusMillis(500)) < 0,
        "probe took " + f.took);
    return f;
  }

  static ScanTarget target(ModbusTestServer server, String suffix) {
    return ((Parsed.Ok<ScanTarget>) ScanTargetParser.parse(server.target(suffix))).value();
  }

  String reasons() {
    return String.join("\n", report.reasons());
  }
}
