package io.fieldprint.collector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real collector jar in its own JVM ({@code java -Xmx512m $COLLECTOR_JAVA_OPTS -jar
 * fieldprint-collector.jar --config FILE}), with {@code jstat} sampling its heap every 250 ms. The
 * port is read from the collector's own start-up line.
 */
final class CollectorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("collector listening on [^:]+:(\\d+)");

  private final Process process;
  private final Process jstat;
  private final int port;
  private final AtomicLong peakHeapKb = new AtomicLong();
  private final AtomicLong heapCapacityKb = new AtomicLong();

  private CollectorProcess(Process process, Process jstat, int port) {
    this.process = process;
    this.jstat = jstat;
    this.port = port;
  }

  static CollectorProcess start(Path jar, Path config, String maxHeap, Path log)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
    String extra = System.getenv().getOrDefault("COLLECTOR_JAVA_OPTS", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int port = awaitPort(p, log);
    String jstatBin = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
    Process sampler =
        new ProcessBuilder(jstatBin, "-gc", Long.toString(p.pid()), "250")
            .redirectErrorStream(true)
            .start();
    CollectorProcess c = new CollectorProcess(p, sampler, port);
    Thread reader = new Thread(c::readJstat, "jstat-reader");
    reader.setDaemon(true);
    reader.start();
    return c;
  }

  private static int awaitPort(Process p, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("collector exited (" + p.exitValue() + "), see " + log);
      }
      Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new IOException("collector did not start within 60 s, see " + log);
  }

  /** jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ...; used heap is S0U + S1U + EU + OU. */
  private void readJstat() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
      List<String> header = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String[] cols = line.trim().split("\\s+");
        if (cols.length > 0 && cols[0].equals("S0C")) {
          header = List.of(cols);
          continue;
        }
        if (header.isEmpty() || cols.length != header.size()) {
          continue;
        }
        double used = 0;
        double capacity = 0;
        for (String c : List.of("S0U", "S1U", "EU", "OU")) {
          used += Double.parseDouble(cols[header.indexOf(c)]);
        }
        for (String c : List.of("S0C", "S1C", "EC", "OC")) {
          capacity += Double.parseDouble(cols[header.indexOf(c)]);
        }
        peakHeapKb.accumulateAndGet((long) used, Math::max);
        heapCapacityKb.accumulateAndGet((long) capacity, Math::max);
      }
    } catch (IOException | NumberFormatException e) {
      // the sampler ends with the collector
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Largest used heap jstat saw (young plus old generation), in MiB. */
  double peakHeapMib() {
    return peakHeapKb.get() / 1024.0;
  }

  /** Largest committed heap jstat saw, in MiB. */
  double heapCapacityMib() {
    return heapCapacityKb.get() / 1024.0;
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    jstat.destroy();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
