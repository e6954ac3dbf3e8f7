package io.fieldprint.advisories.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.advisories.match.AdvisoryMatcher;
import io.fieldprint.advisories.match.PreparedAdvisory;
import io.fieldprint.advisories.testing.SharedData;
import io.fieldprint.protocols.inventory.Asset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdvisoryIndexTest {
  private static List<CsafDocument> corpus;

  @BeforeAll
  static void readCorpus() throws IOException {
    CsafReader reader = new CsafReader();
    corpus = new ArrayList<>();
    for (Path p : SharedData.cisaDocuments()) {
      corpus.add((CsafDocument) reader.read(Files.readAllBytes(p)));
    }
  }

  @Test
  void indexedMatchingGivesExactlyWhatMatchingEveryDocumentGives() {
    AdvisoryIndex index = AdvisoryIndex.of(corpus);
    AdvisoryMatcher matcher = new AdvisoryMatcher();
    List<Asset> sample = SyntheticAssets.draw(corpus, 25, 7);
    sample = new ArrayList<>(sample);
    sample.add(SyntheticAssets.asset(9_001, null, "SIMATIC S7-1500", null, "V2.0"));
    sample.add(SyntheticAssets.asset(9_002, "Siemens AG", "SIMATIC S7-1200", null, "V4.0"));
    sample.add(
        SyntheticAssets.asset(9_003, "Rockwell Automation", "ControlLogix", "1756-L81E", "32.011"));
    sample.add(SyntheticAssets.asset(9_004, "Siemens AG", "SIMATIC S7-1200", null, "V4.0"));
    // product lines that changed hands: matched through another vendor's advisories
    sample.add(SyntheticAssets.asset(9_005, "ABB", "Relion 670 series", null, "2.2.0"));
    sample.add(SyntheticAssets.asset(9_006, "Hitachi Energy", "RTU500 series", null, "12.7.1"));
    sample.add(SyntheticAssets.asset(9_007, "GE", "PACSystems RX3i", null, "9.0"));
    List<List<AdvisoryMatch>> indexed = index.matchAll(sample);
    int lineage = 0;
    int matched = 0;
    for (int i = 0; i < sample.size(); i++) {
      Asset a = sample.get(i);
      List<AdvisoryMatch> everyDocument = matcher.match(a, corpus);
      assertEquals(everyDocument, indexed.get(i), a.toString());
      matched += everyDocument.isEmpty() ? 0 : 1;
      lineage +=
          everyDocument.stream()
              .filter(m -> m.productMatch().reason().startsWith("product line of"))
              .count();
    }
    assertTrue(lineage > 0, "the sample includes matches through a vendor's product line");
    assertTrue(matched > 5, "the sample exercises real matches: " + matched);
  }

  @Test
  void productLookupMissesNoProductOfTheAdvisoriesNamingTheVendorOnAThousandAssets() {
    AdvisoryIndex index = AdvisoryIndex.of(corpus);
    AdvisoryMatcher matcher = new AdvisoryMatcher();
    Map<CsafDocument, PreparedAdvisory> prepared = new IdentityHashMap<>();
    corpus.forEach(d -> prepared.put(d, PreparedAdvisory.of(d)));
    List<Asset> sample = SyntheticAssets.draw(corpus, 1_000, 13);
    List<List<AdvisoryMatch>> indexed = index.matchAll(sample);
    long matches = 0;
    for (int i = 0; i < sample.size(); i++) {
      Asset a = sample.get(i);
      List<PreparedAdvisory> everyProduct =
          index.candidates(a).stream().map(prepared::get).toList();
      List<AdvisoryMatch> exhaustive = matcher.matchPrepared(a, everyProduct);
      assertEquals(exhaustive, indexed.get(i), a.toString());
      matches += exhaustive.size();
    }
    assertTrue(matches > 1_000, "the sample exercises real matches: " + matches);
  }

  @Test
  void reCorrelationAfterOneAdvisoryChangesEqualsMatchingFromScratch() {
    List<CsafDocument> base = new ArrayList<>(corpus);
    CsafDocument changed = base.remove(base.size() / 2);
    List<Asset> assets = SyntheticAssets.draw(corpus, 60, 11);
    Correlation correlation = new Correlation(AdvisoryIndex.of(base), assets);

    int rematched = correlation.update(changed);

    AdvisoryIndex full = AdvisoryIndex.of(corpus);
    for (Asset a : assets) {
      assertEquals(full.match(a), correlation.matches(a.id()), a.toString());
    }
    assertTrue(rematched < assets.size(), "only assets of the advisory's vendors: " + rematched);
  }
}
