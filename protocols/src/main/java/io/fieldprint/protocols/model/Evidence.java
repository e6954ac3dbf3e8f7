package io.fieldprint.protocols.model;

import java.time.Instant;
import java.util.Map;

/**
 * One piece of evidence: what was seen, when and where.
 *
 * @param source stable id of the message kind that carried it, e.g. {@code
 *     modbus.read-device-identification}, {@code opcua.get-endpoints-response}
 * @param at capture timestamp of the frame (or probe time)
 * @param origin where to find it again: {@code file.pcap#frame=123}, or the probe request
 * @param fields raw decoded values, keyed by field name; values are JSON-friendly (String, Number,
 *     Boolean, List, Map). Kept as an immutable deep copy sorted by field name (nested maps keep
 *     their order), its strings pooled ({@link FieldMap}).
 */
public record Evidence(String source, Instant at, String origin, Map<String, Object> fields) {
  public Evidence {
    source = RepeatedStrings.of(source);
    fields = fields == null ? Map.of() : FieldMap.sorted(fields);
  }
}
