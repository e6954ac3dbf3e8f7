package io.fieldprint.collector.export.csaf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.collector.export.MatchExplanation;
import io.fieldprint.collector.export.cyclonedx.AdvisoryFacts;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.StoredMatch;
import io.fieldprint.collector.storage.CorrelationStore.TriageDecision;
import io.fieldprint.collector.storage.StoredAsset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CSAF VEX document of a site's triaged matches. Untriaged matches are left out (VEX states
 * what an analyst decided). Holds the triaged matches and their assets, which triage by hand keeps
 * small; the site's other matches are read page by page and dropped.
 */
public final class SiteCsafVex {
  private static final String TOOL_VERSION =
      Optional.ofNullable(SiteCsafVex.class.getPackage().getImplementationVersion()).orElse("dev");

  private final CollectorStore store;
  private final CorrelationStore correlations;
  private final int pageSize;
  private final Clock clock;
  private final CsafReader reader = new CsafReader();

  public SiteCsafVex(
      CollectorStore store, CorrelationStore correlations, int pageSize, Clock clock) {
    this.store = store;
    this.correlations = correlations;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /** The document, or empty when nothing of the site is triaged. Blocking. */
  public Optional<ObjectNode> document(String siteId) {
    Map<String, VexProduct> products = new LinkedHashMap<>();
    Map<String, AdvisoryFacts> advisories = new HashMap<>();
    List<VexStatement> statements = new ArrayList<>();
    int offset = 0;
    List<StoredMatch> page;
    do {
      page = correlations.matches(siteId, pageSize, offset);
      offset += page.size();
      for (StoredMatch m : page) {
        if (m.triage().isEmpty()) {
          continue;
        }
        Optional<VexProduct> product =
            Optional.ofNullable(products.get(m.assetUid())).or(() -> product(m.assetUid()));
        if (product.isEmpty()) {
          continue;
        }
        products.put(m.assetUid(), product.get());
        AdvisoryFacts facts = advisories.computeIfAbsent(m.advisoryId(), this::facts);
        statements.add(statement(product.get().productId(), m, m.triage().get(), facts));
      }
    } while (page.size() == pageSize);
    if (statements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        CsafVexWriter.document(
            "fieldprint collector",
            "urn:fieldprint:site:" + siteId,
            siteId,
            clock.instant(),
            TOOL_VERSION,
            List.copyOf(products.values()),
            statements));
  }

  private Optional<VexProduct> product(String assetUid) {
    return store.asset(assetUid).map(d -> product(d.asset()));
  }

  static VexProduct product(StoredAsset a) {
    StringBuilder name = new StringBuilder();
    a.vendor().ifPresent(v -> name.append(v).append(' '));
    name.append(a.product().or(a::model).or(a::name).orElse("device"));
    name.append(" firmware ").append(a.firmware().orElse("(version unknown)"));
    name.append(" (asset ").append(a.assetId()).append(')');
    return new VexProduct("ASSET-" + a.uid(), name.toString(), a.model(), a.serial());
  }

  private AdvisoryFacts facts(String trackingId) {
    return correlations
        .advisoryJson(trackingId)
        .map(json -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
        .filter(CsafDocument.class::isInstance)
        .map(d -> AdvisoryFacts.of((CsafDocument) d))
        .orElseGet(() -> AdvisoryFacts.unknown(trackingId));
  }

  private static VexStatement statement(
      String productId, StoredMatch m, TriageDecision t, AdvisoryFacts facts) {
    MatchExplanation e = MatchExplanation.parse(m.explanationJson());
    return new VexStatement(
        productId,
        m.advisoryId(),
        e.title().orElse(facts.title()),
        facts.url(),
        e.cves(),
        t.state(),
        t.justification(),
        t.note(),
        e.remediationDetails()
            .or(() -> e.fixedVersion().map(v -> "Update the firmware to " + v + " or later.")));
  }
}
