package io.fieldprint.agent.service.capture;

import io.fieldprint.agent.service.config.CaptureSettings;
import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.packet.PacketDissector;
import io.fieldprint.protocols.passive.StandardDecoders;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live passive capture on one interface: a dedicated thread (never an event loop) reads frames from
 * libpcap and feeds them to a packet dissector exactly as a capture file's frames are fed, with the
 * frames numbered from 1 and the interface name as the capture name.
 */
public final class LiveCapture implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCapture.class);
  private static final int READ_TIMEOUT_MILLIS = 200;
  private static final int STATS_EVERY_FRAMES = 1000;

  /**
   * libpcap's kernel ring (its default is 2 MiB). With TPACKET_V3 a frame takes its captured bytes
   * plus about 80 bytes of header: the bench/agent mix (140 bytes captured on average) at 20,000
   * packets/s fills 8 MiB in about 1.9 s, and 1,000-byte frames in about 0.4 s, either far longer
   * than the agent's garbage collections (at most about 0.25 s with {@code -Xmx64m}, loaded box).
   * Its pages are all touched once the ring has wrapped, so it counts fully in the RSS
   * (docs/benchmarks.md: 16 MiB before).
   */
  static final int BUFFER_BYTES = 8 * 1024 * 1024;

  /**
   * The dissector's bounds in the agent: the library's defaults except 8 MiB (not 64 MiB) of TCP
   * reassembly buffered over all connections together, so that a busy plant's unfinished PDUs fit
   * in the agent's heap (launcher: {@code -Xmx64m}) beside the inventory and a snapshot. Beyond it
   * a connection's out-of-order data is skipped past its hole and a PDU that cannot be buffered is
   * given up ("TCP buffer budget exhausted"), as everywhere the budget runs out.
   */
  public static final DissectorLimits DISSECTOR_LIMITS =
      DissectorLimits.builder().maxBufferedBytesTotal(8L << 20).build();

  private final PcapHandle handle;
  private final CaptureCounters counters;
  private final PacketDissector dissector;
  private final Thread thread;
  private volatile boolean stopping;

  private LiveCapture(PcapHandle handle, String name, ObservationSink sink) {
    this.handle = handle;
    this.counters = new CaptureCounters(name);
    this.dissector =
        new PacketDissector(
            StandardDecoders.create(), DISSECTOR_LIMITS, new CountingWarnings(sink));
    this.thread = new Thread(this::readLoop, "fieldprint-capture-" + name);
    this.thread.setDaemon(true);
  }

  /**
   * Opens {@code name} with the settings' filter and snaplen and starts reading into {@code sink}.
   */
  public static LiveCapture start(String name, CaptureSettings settings, ObservationSink sink)
      throws CaptureUnavailableException {
    PcapHandle handle = open(name, settings);
    LiveCapture capture = new LiveCapture(handle, name, sink);
    capture.thread.start();
    LOG.info("capturing on {} ({})", name, settings);
    return capture;
  }

  private static PcapHandle open(String name, CaptureSettings settings)
      throws CaptureUnavailableException {
    PcapHandle handle;
    try {
      handle =
          new PcapHandle.Builder(name)
              .snaplen(settings.snaplen())
              .promiscuousMode(
                  settings.promiscuous()
                      ? PromiscuousMode.PROMISCUOUS
                      : PromiscuousMode.NONPROMISCUOUS)
              .timeoutMillis(READ_TIMEOUT_MILLIS)
              .bufferSize(BUFFER_BYTES)
              .immediateMode(false)
              .build();
    } catch (LinkageError e) {
      throw new CaptureUnavailableException(
          "live capture needs libpcap (Debian: apt-get install libpcap0.8): " + e.getMessage());
    } catch (PcapNativeException e) {
      throw new CaptureUnavailableException(
          "cannot capture on " + name + ": " + e.getMessage() + permissionHint(e.getMessage()));
    }
    if (!settings.filter().isEmpty()) {
      try {
        handle.setFilter(settings.filter(), BpfCompileMode.OPTIMIZE);
      } catch (PcapNativeException | NotOpenException e) {
        handle.close();
        throw new CaptureUnavailableException(
            "capture filter '" + settings.filter() + "' rejected: " + e.getMessage());
      }
    }
    return handle;
  }

  private static String permissionHint(String message) {
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("permitted")
        ? " (run as root or grant CAP_NET_RAW,CAP_NET_ADMIN to java)"
        : "";
  }

  public CaptureCounters counters() {
    return counters;
  }

  /**
   * Reads with {@code pcap_dispatch}: one call hands over what one kernel block holds (or returns 0
   * after the read timeout), and libpcap's counters are read every {@link #STATS_EVERY_FRAMES}
   * frames and on every idle timeout. Not {@code pcap_next_ex} through pcap4j's {@code
   * getNextRawPacketEx}: that allocates two JNA {@code Memory} objects per packet, each freed only
   * by JNA's cleaner thread after a garbage collection; at 20,000 packets/s their backlog held
   * about 15 MB of heap and the malloc'd memory behind it (docs/benchmarks.md, bench/agent).
   */
  private void readLoop() {
    int linkType = handle.getDlt().value();
    RawPacketListener listener = data -> accept(linkType, data);
    try {
      while (!stopping) {
        if (handle.dispatch(-1, listener) == 0) {
          readStats();
        }
      }
    } catch (InterruptedException | NotOpenException e) {
      LOG.debug("capture on {} ended: {}", counters.interfaceName(), e.toString());
    } catch (PcapNativeException | RuntimeException e) {
      counters.error = "capture on " + counters.interfaceName() + " failed: " + e.getMessage();
      LOG.error(counters.error);
    } finally {
      readStats();
      dissector.finish();
      handle.close();
    }
  }

  /** One frame, on the capture thread inside {@code pcap_dispatch}. */
  private void accept(int linkType, byte[] data) {
    long number = counters.frames.incrementAndGet();
    Timestamp ts = handle.getTimestamp();
    long nanos = ts.getTime() / 1000 * 1_000_000_000L + ts.getNanos();
    Integer original = handle.getOriginalLength();
    counters.bytes.addAndGet(data.length);
    if (counters.firstNanos < 0) {
      counters.firstNanos = nanos;
    }
    counters.lastNanos = nanos;
    CapturedFrame frame =
        new CapturedFrame(
            number,
            nanos,
            linkType,
            ByteBuffer.wrap(data),
            original == null ? data.length : original);
    dissector.accept(frame, counters.interfaceName());
    if (number % STATS_EVERY_FRAMES == 0) {
      readStats();
    }
  }

  /** Copies libpcap's counters (received, dropped) into the counters; on the capture thread. */
  private void readStats() {
    try {
      PcapStat stat = handle.getStats();
      counters.received.set(stat.getNumPacketsReceived());
      counters.dropped.set(stat.getNumPacketsDropped());
      counters.droppedByInterface.set(stat.getNumPacketsDroppedByIf());
    } catch (PcapNativeException | NotOpenException e) {
      LOG.debug("no capture statistics for {}: {}", counters.interfaceName(), e.toString());
    }
  }

  /**
   * Stops reading (pcap_breakloop wakes a blocked read) and waits, bounded, for the capture thread
   * to close the handle.
   */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    try {
      handle.breakLoop();
    } catch (NotOpenException e) {
      // the capture thread already ended and closed the handle
    }
    thread.join(READ_TIMEOUT_MILLIS * 10L);
    if (thread.isAlive()) {
      LOG.warn("capture on {} did not stop within 2 s", counters.interfaceName());
    }
  }

  /** Forwards to the inventory, counting this capture's decode warnings. */
  private final class CountingWarnings implements ObservationSink {
    private final ObservationSink target;

    CountingWarnings(ObservationSink target) {
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
      counters.warnings.incrementAndGet();
      target.warning(warning);
    }
  }
}
