package io.fieldprint.protocols.active.modbus;

import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.decode.ObservationSink;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Active identification of one {@code modbus://host:port[/unit]} target. Every request goes through
 * the {@link OutboundGate} and is sent as the permit's exact frame over one plain TCP connection:
 * FC 43/14 Read Device Identification (basic from object 0, following more-follows pages; regular
 * and extended when the conformity level allows), then FC 17 Report Server ID, per unit id of the
 * {@link io.fieldprint.protocols.active.ScanPlan} until one unit answers. A gateway exception
 * (0x0A, 0x0B) stops the probing of further units unless the unit list was configured. Answers
 * become observations ({@code modbus.read-device-identification}, {@code modbus.report-server-id},
 * {@code modbus.server}); anything malformed becomes a warning and a reason in the {@link
 * ProbeReport}, never an exception. Thread-safe: one probe may run many targets at once.
 */
public final class ModbusProbe {

  private final OutboundGate gate;
  private final ScanLimits limits;
  private final InstantSource clock;

  public ModbusProbe(OutboundGate gate, ScanLimits limits, InstantSource clock) {
    this.gate = gate;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * The most time one device may take: per budgeted request a timeout and a gap, plus one back-off.
   */
  public static Duration timeBudget(ScanLimits limits) {
    return limits
        .requestTimeout()
        .plus(limits.minGap())
        .multipliedBy(limits.modbusBudget())
        .plus(limits.backoffBase());
  }

  /** Probes {@code target}, sending what it learns to {@code sink}; blocks until done. */
  public ProbeReport probe(ScanTarget target, ObservationSink sink) {
    if (target.protocol() != ScanProtocol.MODBUS) {
      throw new IllegalArgumentException("not a Modbus target: " + target);
    }
    ModbusExchanges exchanges =
        new ModbusExchanges(gate, target, clock, clock.instant().plus(timeBudget(limits)));
    try {
      return new ModbusProbeRun(target, limits, exchanges, sink, clock).run();
    } finally {
      exchanges.close();
    }
  }
}
