package io.fieldprint.collector.storage;

/** The outcome of creating a site, agent or user. */
public enum CreateResult {
  CREATED,
  /** a row with the same id or name exists; nothing was written */
  DUPLICATE,
  /** a referenced site does not exist; nothing was written */
  NO_SUCH_SITE
}
