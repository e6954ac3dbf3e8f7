package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.decode.DecodeWarning;
import java.util.List;

/**
 * The inventory document ({@value #SCHEMA}): the contract between every stage of fieldprint. See
 * {@code docs/reference/inventory.md}.
 *
 * @param sources what it was built from
 * @param assets devices, sorted by id
 * @param findings posture findings, sorted by asset, rule and detail
 * @param matches advisory matches (filled by {@code fieldprint match}); raw JSON objects until then
 * @param warnings decode warnings (capped; see {@code warningsOmitted})
 * @param warningsOmitted how many further warnings were not kept
 */
public record Inventory(
    List<InventorySource> sources,
    List<Asset> assets,
    List<InventoryFinding> findings,
    List<Object> matches,
    List<DecodeWarning> warnings,
    long warningsOmitted) {

  public static final String SCHEMA = "fieldprint.inventory/1";

  public Inventory {
    sources = List.copyOf(sources);
    assets = List.copyOf(assets);
    findings = List.copyOf(findings);
    matches = List.copyOf(matches);
    warnings = List.copyOf(warnings);
  }

  /** This inventory with {@code matches[]} replaced (JSON-ready match objects). */
  public Inventory withMatches(List<Object> newMatches) {
    return new Inventory(sources, assets, findings, newMatches, warnings, warningsOmitted);
  }
}
