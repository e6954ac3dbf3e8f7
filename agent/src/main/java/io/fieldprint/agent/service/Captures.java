package io.fieldprint.agent.service;

import io.fieldprint.agent.service.capture.CaptureUnavailableException;
import io.fieldprint.agent.service.capture.LiveCapture;
import io.fieldprint.agent.service.capture.ReplayCapture;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.decode.ObservationSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts and stops the configured live captures, one thread per interface, and the replays of
 * capture files, one thread per file.
 */
final class Captures {
  private Captures() {}

  /**
   * Starts every configured capture, or none: a failure closes those already started. Frames go to
   * {@code sink}; each capture's state is listed in {@code inventory}.
   */
  static List<LiveCapture> start(AgentConfig config, LiveInventory inventory, ObservationSink sink)
      throws CaptureUnavailableException {
    List<LiveCapture> started = new ArrayList<>();
    if (config.capture().isEmpty()) {
      return started;
    }
    for (String name : config.capture().get().interfaces()) {
      try {
        LiveCapture capture = LiveCapture.start(name, config.capture().get(), sink);
        inventory.source("live " + name, () -> capture.counters().source());
        started.add(capture);
      } catch (CaptureUnavailableException e) {
        close(started);
        throw e;
      }
    }
    return started;
  }

  /** Starts one replay thread per configured capture file, each a source of the inventory. */
  static List<ReplayCapture> replays(AgentConfig config, LiveInventory inventory) {
    List<ReplayCapture> started = new ArrayList<>();
    config
        .replay()
        .ifPresent(
            r ->
                r.files()
                    .forEach(
                        file -> {
                          ReplayCapture replay = ReplayCapture.start(file, r.rate(), inventory);
                          inventory.source("replay " + file, replay::source);
                          started.add(replay);
                        }));
    return started;
  }

  static void closeReplays(List<ReplayCapture> replays) {
    for (ReplayCapture r : replays) {
      try {
        r.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void close(List<LiveCapture> captures) {
    for (LiveCapture c : captures) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
