package io.fieldprint.collector.storage;

/**
 * What one report did to its site.
 *
 * @param applied false when the report id was seen before from this agent (nothing was changed)
 */
public record IngestOutcome(
    boolean applied, int assets, int newDevices, int firmwareChanges, int findings) {
  public static IngestOutcome duplicate() {
    return new IngestOutcome(false, 0, 0, 0, 0);
  }
}
