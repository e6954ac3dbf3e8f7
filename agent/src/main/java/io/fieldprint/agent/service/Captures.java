package io.fieldprint.agent.service;

import io.fieldprint.agent.service.capture.CaptureUnavailableException;
import io.fieldprint.agent.service.capture.LiveCapture;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.protocols.decode.ObservationSink;
import java.util.ArrayList;
import java.util.List;

/** Starts and stops the configured live captures, one thread per interface. */
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
