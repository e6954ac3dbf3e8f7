package io.fieldprint.agent.service.capture;

import io.fieldprint.protocols.inventory.InventorySource;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What one live capture has read so far, and libpcap's own counters (updated by its thread). */
public final class CaptureCounters {
  private final String interfaceName;
  final AtomicLong frames = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong warnings = new AtomicLong();
  final AtomicLong received = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong droppedByInterface = new AtomicLong();
  volatile long firstNanos = -1;
  volatile long lastNanos = -1;
  volatile String error;

  CaptureCounters(String interfaceName) {
    this.interfaceName = interfaceName;
  }

  public String interfaceName() {
    return interfaceName;
  }

  public long frames() {
    return frames.get();
  }

  /** Packets libpcap dropped for lack of buffer space (pcap_stats ps_drop). */
  public long dropped() {
    return dropped.get();
  }

  /** Packets the interface or driver dropped (pcap_stats ps_ifdrop). */
  public long droppedByInterface() {
    return droppedByInterface.get();
  }

  /** Packets libpcap received (pcap_stats ps_recv). */
  public long received() {
    return received.get();
  }

  /** This capture as an inventory source. */
  public InventorySource source() {
    String err = error;
    String status = err == null ? (dropped.get() > 0 ? "partial" : "ok") : "failed";
    String reason = err != null ? err : dropped.get() > 0 ? dropped + " packets dropped" : null;
    return new InventorySource(
        "live",
        interfaceName,
        status,
        reason,
        frames.get(),
        bytes.get(),
        instant(firstNanos),
        instant(lastNanos),
        warnings.get());
  }

  private static Instant instant(long nanos) {
    return nanos < 0
        ? null
        : Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
