package io.fieldprint.agent.demo;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.AdvisoryMatcher;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;

/** Matches every asset of an inventory against advisories and writes the matches into it. */
public final class AdvisoryMatching {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher();
  private final List<CsafDocument> documents;

  public AdvisoryMatching(List<CsafDocument> documents) {
    this.documents = List.copyOf(documents);
  }

  /** Every asset's matches, in asset order, then advisory id. */
  public List<AdvisoryMatch> matches(Inventory inventory) {
    List<AdvisoryMatch> out = new ArrayList<>();
    for (Asset asset : inventory.assets()) {
      out.addAll(matcher.match(asset, documents));
    }
    return out;
  }

  /** The inventory with {@code matches[]} set to these matches. */
  public static Inventory withMatches(Inventory inventory, List<AdvisoryMatch> matches) {
    List<Object> json = new ArrayList<>();
    matches.forEach(m -> json.add(m.toJson()));
    return new Inventory(
        inventory.sources(),
        inventory.assets(),
        inventory.findings(),
        json,
        inventory.warnings(),
        inventory.warningsOmitted());
  }
}
