package io.fieldprint.collector.export.cyclonedx;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.Vulnerability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a CycloneDX vulnerability needs from a CSAF advisory: its publisher, a link to it, and per
 * CVE the title, weakness and CVSS scores.
 *
 * @param url the advisory's {@code self} reference (the one naming its tracking id when several)
 */
public record AdvisoryFacts(
    String trackingId,
    String title,
    String publisher,
    Optional<String> url,
    Map<String, CveFacts> cves) {
  public AdvisoryFacts {
    cves = Map.copyOf(cves);
  }

  /** One CVE of the advisory; {@code ratings} are its distinct CVSS v3 and v2 scores. */
  public record CveFacts(Optional<String> title, Optional<Integer> cwe, List<BomRating> ratings) {
    public CveFacts {
      ratings = List.copyOf(ratings);
    }
  }

  /** The facts of an advisory we only know by id (its document is gone). */
  public static AdvisoryFacts unknown(String trackingId) {
    return new AdvisoryFacts(trackingId, trackingId, "unknown", Optional.empty(), Map.of());
  }

  public static AdvisoryFacts of(CsafDocument d) {
    Map<String, CveFacts> cves = new LinkedHashMap<>();
    for (Vulnerability v : d.vulnerabilities()) {
      if (v.cve() == null || v.cve().isBlank()) {
        continue;
      }
      List<BomRating> ratings = new ArrayList<>();
      for (Vulnerability.Score s : v.scores()) {
        rating(d, s.cvssV3()).filter(r -> !ratings.contains(r)).ifPresent(ratings::add);
        rating(d, s.cvssV2()).filter(r -> !ratings.contains(r)).ifPresent(ratings::add);
      }
      cves.put(
          v.cve(),
          new CveFacts(
              Optional.ofNullable(v.title()).filter(t -> !t.isBlank()), cwe(v.cwe()), ratings));
    }
    return new AdvisoryFacts(d.tracking().id(), d.title(), d.publisher().name(), selfUrl(d), cves);
  }

  private static Optional<BomRating> rating(CsafDocument d, Vulnerability.Cvss cvss) {
    if (cvss == null || Double.isNaN(cvss.baseScore()) || cvss.vectorString() == null) {
      return Optional.empty();
    }
    String vector = cvss.vectorString();
    if (cvss.version().equals("2.0") && !vector.startsWith("CVSS:")) {
      return Optional.of(
          new BomRating(Optional.of(d.publisher().name()), cvss.baseScore(), "CVSSv2", vector));
    }
    return Optional.of(BomRating.of(Optional.of(d.publisher().name()), cvss.baseScore(), vector));
  }

  private static Optional<Integer> cwe(Vulnerability.Cwe cwe) {
    if (cwe == null || cwe.id() == null || !cwe.id().matches("CWE-[0-9]{1,6}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(cwe.id().substring(4)));
  }

  private static Optional<String> selfUrl(CsafDocument d) {
    List<CsafDocument.Reference> self =
        d.references().stream()
            .filter(r -> "self".equals(r.category()) && r.url() != null)
            .toList();
    String id = d.tracking().id().toLowerCase(Locale.ROOT);
    return self.stream()
        .filter(r -> r.url().toLowerCase(Locale.ROOT).contains(id))
        .findFirst()
        .or(() -> self.stream().findFirst())
        .map(CsafDocument.Reference::url);
  }
}
