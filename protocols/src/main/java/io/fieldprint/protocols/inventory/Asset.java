package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One device, merged from every observation about it. Identity fields are {@code null} when no
 * evidence tells them.
 *
 * @param id stable id: {@code mac:<mac>} when the device has a MAC, else {@code ip:<ip>} (scoped
 *     {@code ip:<ip>@<capture>} for loopback addresses, which name a different host per capture)
 * @param ip every IP address of the device, sorted
 * @param mac every MAC address of the device, sorted
 * @param macVendor organisation registered for the first MAC's OUI, a hint only
 * @param attribution for each identity field that is set, the evidence it was taken from
 * @param protocols protocol families the device was seen speaking, sorted
 * @param evidence the evidence, deduplicated, in time order (capped; see {@code evidenceOmitted})
 * @param evidenceOmitted how many further pieces of evidence were not kept
 */
public record Asset(
    String id,
    List<String> ip,
    List<String> mac,
    String name,
    String vendor,
    String product,
    String model,
    String firmware,
    String hardware,
    String serial,
    Role role,
    String macVendor,
    Map<String, Attribution> attribution,
    List<String> protocols,
    Instant firstSeen,
    Instant lastSeen,
    List<Evidence> evidence,
    int evidenceOmitted) {

  public Asset {
    ip = List.copyOf(ip);
    mac = List.copyOf(mac);
    attribution = Map.copyOf(attribution);
    protocols = List.copyOf(protocols);
    evidence = List.copyOf(evidence);
  }
}
