package io.fieldprint.collector.storage;

/**
 * What one silence check did.
 *
 * @param ran false when another collector on the same database was running the check
 * @param goneSilent assets that got a {@code gone_silent} event
 */
public record SilenceRun(boolean ran, int goneSilent) {
  public static final SilenceRun SKIPPED = new SilenceRun(false, 0);
}
