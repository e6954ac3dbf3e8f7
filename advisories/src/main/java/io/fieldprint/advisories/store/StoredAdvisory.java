package io.fieldprint.advisories.store;

/**
 * The current version of an advisory in the store.
 *
 * @param summary what identifies and describes it
 * @param json the exact bytes of the document
 */
public record StoredAdvisory(AdvisorySummary summary, byte[] json) {}
