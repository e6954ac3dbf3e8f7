package io.fieldprint.protocols.active;

/**
 * One request of a scan plan.
 *
 * @param request what would be sent
 * @param description what it asks for, in the protocol's words
 * @param condition when it is sent, e.g. {@code always} or {@code if conformity level >= 0x02}
 * @param step how many requests to the target, this one included, precede it on the longest path
 *     that reaches it (the budget caps this)
 */
public record PlannedRequest(ScanRequest request, String description, String condition, int step) {}
