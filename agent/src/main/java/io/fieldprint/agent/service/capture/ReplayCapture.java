package io.fieldprint.agent.service.capture;

import io.fieldprint.protocols.capture.CaptureFiles;
import io.fieldprint.protocols.capture.CaptureFormatException;
import io.fieldprint.protocols.capture.CaptureReader;
import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.packet.PacketDissector;
import io.fieldprint.protocols.passive.StandardDecoders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive replay of one capture file: a dedicated thread (never an event loop) reads its frames and
 * feeds them, at most {@code rate} per second, to a packet dissector with the standard decoders,
 * exactly as {@code fieldprint pcap} and live capture do. The capture name is the file name, so the
 * evidence reads as it would from {@code fieldprint pcap}. It ends at the end of the file.
 */
public final class ReplayCapture implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayCapture.class);
  private static final long STOP_WAIT_MILLIS = 2000;

  private final Path file;
  private final String name;
  private final long nanosPerFrame;
  private final ObservationSink sink;
  private final Thread thread;
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong warnings = new AtomicLong();
  private volatile long firstNanos = -1;
  private volatile long lastNanos = -1;
  private volatile String error;
  private volatile boolean damaged;
  private volatile boolean finished;

  private ReplayCapture(Path file, int rate, ObservationSink sink) {
    this.file = file;
    this.name = file.toString();
    this.nanosPerFrame = TimeUnit.SECONDS.toNanos(1) / rate;
    this.sink = sink;
    this.thread = new Thread(this::replay, "fieldprint-replay-" + name);
    this.thread.setDaemon(true);
  }

  /** Starts replaying {@code file} into {@code sink}, at most {@code rate} frames per second. */
  public static ReplayCapture start(Path file, int rate, ObservationSink sink) {
    ReplayCapture replay = new ReplayCapture(file, rate, sink);
    replay.thread.start();
    LOG.info("replaying {} (at most {} frames/s)", file, rate);
    return replay;
  }

  /** Whether the whole file has been fed (or the replay failed or was stopped). */
  public boolean finished() {
    return finished;
  }

  /** Waits at most {@code millis} for the end of the file; true when it was reached. */
  public boolean awaitFinished(long millis) throws InterruptedException {
    thread.join(millis);
    return finished;
  }

  private void replay() {
    Counting counting = new Counting();
    PacketDissector dissector =
        new PacketDissector(StandardDecoders.create(), LiveCapture.DISSECTOR_LIMITS, counting);
    long next = System.nanoTime();
    try (CaptureReader reader =
        CaptureFiles.open(
            FileChannel.open(file, StandardOpenOption.READ), name, counting::warning)) {
      CapturedFrame frame;
      while (!Thread.currentThread().isInterrupted() && (frame = reader.next()) != null) {
        next = pace(next);
        frames.incrementAndGet();
        bytes.addAndGet(frame.data().remaining());
        if (firstNanos < 0) {
          firstNanos = frame.timestampNanos();
        }
        lastNanos = frame.timestampNanos();
        dissector.accept(frame, name);
      }
    } catch (CaptureFormatException e) {
      error = e.getMessage();
    } catch (NoSuchFileException e) {
      error = name + ": no such file";
    } catch (IOException e) {
      error = name + ": " + e.getMessage();
    } catch (InterruptedException e) {
      LOG.debug("replay of {} stopped", name);
    } catch (RuntimeException e) {
      error = name + ": replay failed: " + e;
    } finally {
      dissector.finish();
      finished = true;
    }
    if (error != null) {
      LOG.error("replay of {}: {}", file, error);
    } else {
      LOG.info("replay of {} done: {} frames", name, frames.get());
    }
  }

  /** Sleeps until {@code next}; returns when the frame after this one is due. */
  private long pace(long next) throws InterruptedException {
    long wait = next - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return Math.max(next, System.nanoTime() - nanosPerFrame) + nanosPerFrame;
  }

  /** This replay as an inventory source (kind {@code pcap}, named by the file). */
  public InventorySource source() {
    String err = error;
    long n = frames.get();
    String status = err == null ? (damaged ? "partial" : "ok") : n == 0 ? "failed" : "partial";
    return new InventorySource(
        "pcap",
        name,
        status,
        err,
        n,
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

  /** Stops the replay at its next frame and waits, bounded, for its thread. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(STOP_WAIT_MILLIS);
    if (thread.isAlive()) {
      LOG.warn("replay of {} did not stop within 2 s", name);
    }
  }

  /** Forwards to the inventory, counting this replay's warnings and file damage. */
  private final class Counting implements ObservationSink {
    @Override
    public void observe(Observation observation) {
      sink.observe(observation);
    }

    @Override
    public void finding(Finding finding) {
      sink.finding(finding);
    }

    @Override
    public void warning(DecodeWarning warning) {
      warnings.incrementAndGet();
      if (warning.protocol().equals("pcap") || warning.protocol().equals("pcapng")) {
        damaged = true;
      }
      sink.warning(warning);
    }
  }
}
