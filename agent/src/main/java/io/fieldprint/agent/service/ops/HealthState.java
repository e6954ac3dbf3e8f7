package io.fieldprint.agent.service.ops;

/**
 * What {@code /health} answers.
 *
 * @param up whether the agent runs (false while it stops)
 * @param mode {@code online} (a collector is configured) or {@code offline}
 * @param outboxReports reports waiting for delivery
 * @param assets assets in the last snapshot
 * @param reportsQueued reports written to the outbox since start
 * @param reportsDelivered reports the collector accepted (201 or 200) since start
 */
public record HealthState(
    boolean up,
    String mode,
    long outboxReports,
    long assets,
    long reportsQueued,
    long reportsDelivered) {
  String json() {
    return "{\"status\":\""
        + (up ? "ok" : "stopping")
        + "\",\"mode\":\""
        + mode
        + "\",\"outboxReports\":"
        + outboxReports
        + ",\"assets\":"
        + assets
        + ",\"reportsQueued\":"
        + reportsQueued
        + ",\"reportsDelivered\":"
        + reportsDelivered
        + "}";
  }
}
