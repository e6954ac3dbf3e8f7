package io.fieldprint.advisories.sync;

/** Which of a provider's distributions a sync reads. */
public enum Distribution {
  /** ROLIE feeds when the metadata lists any, otherwise the directory distribution. */
  AUTO,
  /** Only the ROLIE feeds (requirements 15 to 17). */
  ROLIE,
  /** Only the directory distribution, {@code changes.csv} or {@code index.txt} (11 to 14). */
  DIRECTORY
}
