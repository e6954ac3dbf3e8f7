package io.fieldprint.collector.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link CollectorLoadBenchmark} run does: database, jar, corpus, output directory and the
 * load. Defaults are the issue's: 50 agents, 200-asset reports, 2,000 assets per agent (100,000 in
 * all), 12 paced rounds of one report per agent every 5 s (2,000 assets/s offered), 2 closed-loop
 * rounds, a 50-advisory sync, {@code -Xmx512m}.
 */
record BenchSettings(
    boolean postgresql,
    Path jar,
    Path csaf,
    Path out,
    int agents,
    int perReport,
    int fleet,
    int pacedRounds,
    long periodMillis,
    int closedRounds,
    int sync,
    String heap) {
  private static final Set<String> KEYS =
      Set.of(
          "agents",
          "perReport",
          "fleet",
          "pacedRounds",
          "periodMillis",
          "closedRounds",
          "sync",
          "heap");

  static BenchSettings parse(String[] args) {
    if (args.length < 4 || !Set.of("sqlite", "postgresql").contains(args[0])) {
      throw new IllegalArgumentException(
          "usage: sqlite|postgresql JAR CSAF_DIR OUT_DIR [key=value ...]");
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      if (kv.length != 2 || !KEYS.contains(kv[0])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; keys: " + KEYS);
      }
      options.put(kv[0], kv[1]);
    }
    BenchSettings s =
        new BenchSettings(
            args[0].equals("postgresql"),
            Path.of(args[1]).toAbsolutePath(),
            Path.of(args[2]),
            Path.of(args[3]).toAbsolutePath(),
            Integer.parseInt(options.getOrDefault("agents", "50")),
            Integer.parseInt(options.getOrDefault("perReport", "200")),
            Integer.parseInt(options.getOrDefault("fleet", "2000")),
            Integer.parseInt(options.getOrDefault("pacedRounds", "12")),
            Long.parseLong(options.getOrDefault("periodMillis", "5000")),
            Integer.parseInt(options.getOrDefault("closedRounds", "2")),
            Integer.parseInt(options.getOrDefault("sync", "50")),
            options.getOrDefault("heap", "512m"));
    if (s.fleet() % s.perReport() != 0 || s.periodMillis() <= 0) {
      throw new IllegalArgumentException("fleet must be a multiple of perReport; period > 0");
    }
    return s;
  }

  long offeredAssetsPerSecond() {
    return agents * (long) perReport * 1000 / periodMillis;
  }
}
