package io.fieldprint.collector;

import io.fieldprint.collector.config.CollectorConfig;
import io.fieldprint.collector.config.ConfigException;
import io.fieldprint.collector.config.ConfigReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar fieldprint-collector.jar --config FILE}: validates the configuration (every
 * problem on its own line, exit 2), starts the collector and runs until SIGTERM or Ctrl-C.
 */
public final class CollectorMain {
  private CollectorMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2 || !args[0].equals("--config")) {
      System.err.println("usage: fieldprint collector --config FILE");
      System.exit(2);
    }
    CollectorConfig config;
    try {
      config = new ConfigReader().read(Path.of(args[1]));
    } catch (ConfigException e) {
      for (String problem : e.problems()) {
        System.err.println("fieldprint collector: config: " + problem);
      }
      System.exit(2);
      return;
    }
    Collector collector;
    try {
      collector = Collector.start(config, Clock.systemUTC());
    } catch (Exception e) {
      System.err.println("fieldprint collector: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  collector.close();
                  stopped.countDown();
                },
                "fieldprint-collector-stop"));
    stopped.await();
  }
}
