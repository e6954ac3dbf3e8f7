package io.fieldprint.agent.demo;

import io.fieldprint.agent.service.AgentService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What the demo runs, stopped in order by {@link #close()} or, on Ctrl-C, by a shutdown hook: the
 * agent first (a last report and an outbox flush), then the simulated plant, then the collector
 * process; last the demo's temporary data directory is removed.
 */
public final class DemoStack implements AutoCloseable {
  private final Path data;
  private final Thread hook;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile CollectorChild collector;
  private volatile SimulatedPlant plant;
  private volatile AgentService agent;

  /** Takes charge of {@code data} (removed at the end) and registers the shutdown hook. */
  public DemoStack(Path data) {
    this.data = data;
    this.hook = new Thread(this::stop, "fieldprint-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public Path data() {
    return data;
  }

  public void collector(CollectorChild c) {
    this.collector = c;
  }

  public void plant(SimulatedPlant p) {
    this.plant = p;
  }

  public void agent(AgentService a) {
    this.agent = a;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs stop() itself
    }
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (agent != null) {
      agent.close();
    }
    if (plant != null) {
      try {
        plant.close();
      } catch (IOException e) {
        System.err.println("fieldprint demo: stopping the simulated plant: " + e.getMessage());
      }
    }
    if (collector != null) {
      collector.close();
    }
    delete(data);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(DemoStack::deleteOne);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("fieldprint demo: could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static void deleteOne(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
