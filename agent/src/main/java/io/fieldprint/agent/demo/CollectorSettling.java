package io.fieldprint.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldprint.agent.service.AgentService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * Waits, bounded, until the collector holds what the agent found and has matched it: the agent's
 * first scan pass and its replays are done, a report queued after them has been delivered, the
 * collector's advisory folder is imported, and the site's matches stayed the same over {@link
 * #STABLE_POLLS} polls (several correlation rounds).
 */
public final class CollectorSettling {
  static final int STABLE_POLLS = 4;
  private static final long POLL_MILLIS = 500;

  private final AgentService agent;
  private final CollectorChild collector;
  private final CollectorApi api;
  private final String site;
  private final boolean folderConfigured;

  public CollectorSettling(
      AgentService agent,
      CollectorChild collector,
      CollectorApi api,
      String site,
      boolean folderConfigured) {
    this.agent = agent;
    this.collector = collector;
    this.api = api;
    this.site = site;
    this.folderConfigured = folderConfigured;
  }

  /** Returns once settled; a {@link TimeoutException} names the step not reached in time. */
  public void await(Duration budget) throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + budget.toNanos();
    until(
        () -> agent.scanPasses() >= 1 && agent.replaysFinished(),
        deadline,
        "the agent's first scan pass and capture replay");
    long queued = agent.health().reportsQueued();
    until(
        () -> agent.health().reportsDelivered() > queued + 1,
        deadline,
        "a report with everything the agent found to reach the collector");
    if (folderConfigured) {
      until(collector::advisoryFolderImported, deadline, "the collector's advisory import");
    }
    Set<String> last = null;
    int same = 0;
    while (same < STABLE_POLLS) {
      check(deadline, "the collector's matches to settle");
      Set<String> now = keys(api.matches(site));
      same = now.equals(last) ? same + 1 : 1;
      last = now;
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static Set<String> keys(List<JsonNode> matches) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode m : matches) {
      keys.add(
          m.path("asset").asText()
              + " "
              + m.path("advisoryId").asText()
              + " "
              + m.path("advisoryVersion").asText()
              + " "
              + m.path("confidence").asText());
    }
    return keys;
  }

  /** A condition that may read files. */
  private interface Condition {
    boolean holds() throws IOException;
  }

  private void until(Condition condition, long deadline, String what)
      throws IOException, InterruptedException, TimeoutException {
    while (!condition.holds()) {
      check(deadline, what);
      Thread.sleep(100);
    }
  }

  private void check(long deadline, String what) throws IOException, TimeoutException {
    if (!collector.alive()) {
      throw new IOException("the collector process ended: " + collector.lastLines());
    }
    if (System.nanoTime() > deadline) {
      throw new TimeoutException("waited in vain for " + what);
    }
  }
}
