package io.fieldprint.collector.storage;

/** An agent to register; {@code tokenHash} is the SHA-256 of its bearer token. */
public record NewAgent(String id, String siteId, String name, String tokenHash) {}
