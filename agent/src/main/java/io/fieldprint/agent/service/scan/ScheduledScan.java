package io.fieldprint.agent.service.scan;

import io.fieldprint.agent.service.config.ScanSettings;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.active.AuditLog;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.modbus.ModbusProbe;
import io.fieldprint.protocols.active.modbus.ProbeReport;
import io.fieldprint.protocols.active.opcua.OpcUaProbe;
import io.fieldprint.protocols.active.opcua.OpcUaProbeResult;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the configured active scan: every target probed read-only, sequentially, through one
 * {@link OutboundGate} per pass (so every safety limit of {@code fieldprint scan} applies), into
 * the live inventory. With {@code scan.onlySeen}, a target from {@code scan.networks} is left out
 * until the live capture saw its host speak its protocol ({@link PassiveSightings}). Blocking: run
 * it on a worker thread; {@link #stop()} ends a pass early.
 */
public final class ScheduledScan {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledScan.class);
  private static final Duration MAX_OPC_UA_BUDGET = Duration.ofSeconds(60);

  private final ScanSettings settings;
  private final LiveInventory inventory;
  private final AuditLog audit;
  private final InstantSource clock;
  private final PassiveSightings sightings;
  private final AtomicLong waiting = new AtomicLong();
  private final Map<String, ScanSourceState> states = new ConcurrentHashMap<>();
  private final AtomicLong passes = new AtomicLong();
  private volatile OutboundGate current;
  private volatile boolean stopped;

  public ScheduledScan(
      ScanSettings settings,
      LiveInventory inventory,
      PassiveSightings sightings,
      AuditLog audit,
      InstantSource clock) {
    this.settings = settings;
    this.sightings = sightings;
    this.inventory = inventory;
    this.audit = audit;
    this.clock = clock;
  }

  /** Probes every target once. */
  public void runPass() {
    OutboundGate gate =
        new OutboundGate(settings.limits(), RequestPolicy.anonymousOnly(), clock, audit);
    current = gate;
    ModbusProbe modbus = new ModbusProbe(gate, settings.limits(), clock);
    OpcUaProbe opcUa =
        new OpcUaProbe(gate, opcUaBudget(), settings.limits().requestTimeout(), clock);
    List<ScanTarget> targets =
        settings.targets().stream()
            .filter(t -> !settings.waitsForSighting(t) || sightings.saw(t))
            .toList();
    waiting.set(settings.targets().size() - targets.size());
    LOG.info(
        "scan pass {}: {} target(s){}",
        passes.get() + 1,
        targets.size(),
        waiting.get() > 0 ? ", " + waiting.get() + " not seen passively yet" : "");
    for (ScanTarget target : targets) {
      if (stopped) {
        break;
      }
      Warnings sink = new Warnings(inventory);
      ProbeReport report =
          target.protocol() == ScanProtocol.OPC_UA
              ? report(target, opcUa.probe(target, DeviceRef.of(null, target.host()), sink))
              : modbus.probe(target, sink);
      ScanSourceState state = state(report, sink.count.get());
      states.put(target.uri(), state);
      inventory.source("scan " + target.uri(), () -> states.get(target.uri()).source());
    }
    passes.incrementAndGet();
    current = null;
  }

  public long passes() {
    return passes.get();
  }

  /** Targets of the last pass left out because the capture had not seen their host yet. */
  public long waiting() {
    return waiting.get();
  }

  /** Ends the running pass at its next request (the gate refuses the rest). */
  public void stop() {
    stopped = true;
    OutboundGate gate = current;
    if (gate != null) {
      gate.stop("the agent is stopping");
    }
  }

  private ScanSourceState state(ProbeReport r, long warnings) {
    boolean answered =
        r.status() == ProbeReport.Status.IDENTIFIED || r.status() == ProbeReport.Status.ANSWERED;
    String status = answered ? (warnings > 0 ? "partial" : "ok") : "failed";
    String error = answered && warnings == 0 ? null : summary(r);
    return new ScanSourceState(
        r.target().uri(),
        status,
        error,
        r.responses(),
        r.bytesReceived(),
        clock.instant(),
        warnings);
  }

  private static String summary(ProbeReport r) {
    String status = r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return r.reasons().isEmpty() ? status : status + ": " + r.reasons().get(0);
  }

  private Duration opcUaBudget() {
    Duration all =
        settings
            .limits()
            .requestTimeout()
            .plus(settings.limits().minGap())
            .multipliedBy(settings.limits().budget(ScanProtocol.OPC_UA));
    return all.compareTo(MAX_OPC_UA_BUDGET) > 0 ? MAX_OPC_UA_BUDGET : all;
  }

  private static ProbeReport report(ScanTarget target, OpcUaProbeResult result) {
    if (result instanceof OpcUaProbeResult.Probed p) {
      ProbeReport.Status status =
          p.anonymousSession() ? ProbeReport.Status.IDENTIFIED : ProbeReport.Status.ANSWERED;
      return new ProbeReport(target, status, 0, p.endpoints(), 0, p.notes());
    }
    String reason = ((OpcUaProbeResult.Unreachable) result).reason();
    return new ProbeReport(target, ProbeReport.Status.NO_ANSWER, 0, 0, 0, List.of(reason));
  }

  /** Forwards to the inventory, counting one probe's warnings. */
  private static final class Warnings implements ObservationSink {
    private final ObservationSink target;
    private final AtomicLong count = new AtomicLong();

    Warnings(ObservationSink target) {
      this.target = target;
    }

    @Override
    public void observe(Observation observation) {
      target.observe(observation);
    }

    @Override
    public void finding(Finding finding) {
      target.finding(finding);
    }

    @Override
    public void warning(DecodeWarning warning) {
      count.incrementAndGet();
      target.warning(warning);
    }
  }
}
