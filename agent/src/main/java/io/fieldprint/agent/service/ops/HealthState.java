package io.fieldprint.agent.service.ops;

/**
 * What {@code /health} answers.
 *
 * @param up whether the agent runs (false while it stops)
 * @param mode {@code online} (a collector is configured) or {@code offline}
 * @param outboxReports reports waiting for delivery
 * @param assets assets in the last snapshot
 */
public record HealthState(boolean up, String mode, long outboxReports, long assets) {
  String json() {
    return "{\"status\":\""
        + (up ? "ok" : "stopping")
        + "\",\"mode\":\""
        + mode
        + "\",\"outboxReports\":"
        + outboxReports
        + ",\"assets\":"
        + assets
        + "}";
  }
}
