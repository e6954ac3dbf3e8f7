package io.fieldprint.collector.storage;

/** A posture finding of an incoming inventory. */
public record ReportedFinding(
    String assetId, String rule, String severity, String title, String detail, int occurrences) {}
