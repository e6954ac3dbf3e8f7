package io.fieldprint.agent.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** Waits (bounded) for the agent's inventory snapshot to satisfy a condition. */
final class AgentFiles {
  private AgentFiles() {}

  static String awaitSnapshot(Path data, Predicate<String> condition, Duration limit)
      throws IOException, InterruptedException {
    Path file = data.resolve("inventory.json");
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        last = Files.readString(file, StandardCharsets.UTF_8);
        if (condition.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("snapshot not as expected within " + limit + ":\n" + last);
  }
}
