package io.fieldprint.collector.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.collector.config.AlertRoute;
import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.fieldprint.collector.storage.CorrelationStore.AlertRouter;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-site routing: every route of the alert's site (or {@code *}) whose minimum confidence and
 * CVSS the alert meets (and, for a {@code kevOnly} route, whose advisory names a CVE of the KEV
 * catalog) names destinations; an alert from a TLP:AMBER or TLP:RED advisory only goes to
 * destinations that allow that label.
 */
public final class AlertRouting implements AlertRouter {
  private static final Set<String> GATED = Set.of("AMBER", "RED");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AlertRoute> routes;
  private final Map<String, Destination> destinations;

  public AlertRouting(List<AlertRoute> routes, List<Destination> destinations) {
    this.routes = List.copyOf(routes);
    this.destinations =
        destinations.stream().collect(Collectors.toMap(Destination::name, Function.identity()));
  }

  @Override
  public List<String> destinations(Alert alert) {
    return destinations(alert, Set.of());
  }

  /** A {@code kevOnly} route takes the alert only when its advisory names a CVE of {@code kev}. */
  @Override
  public List<String> destinations(Alert alert, Set<String> kevCves) {
    List<String> out = new ArrayList<>();
    for (AlertRoute r : routes) {
      if (!(r.site().equals("*") || r.site().equals(alert.siteId())) || !meets(r, alert)) {
        continue;
      }
      if (r.kevOnly() && !inKev(alert, kevCves)) {
        continue;
      }
      for (String name : r.destinations()) {
        Destination d = destinations.get(name);
        if (d != null && tlpAllowed(alert, d) && !out.contains(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** The match JSON names the advisory's CVEs ({@code cves}, from {@code AdvisoryMatch}). */
  static boolean inKev(Alert alert, Set<String> kevCves) {
    if (kevCves.isEmpty()) {
      return false;
    }
    try {
      for (JsonNode cve : JSON.readTree(alert.matchJson()).path("cves")) {
        if (kevCves.contains(cve.asText())) {
          return true;
        }
      }
    } catch (JsonProcessingException e) {
      return false;
    }
    return false;
  }

  private static boolean meets(AlertRoute r, Alert alert) {
    Confidence min = Confidence.fromWire(r.minConfidence());
    if (alert.confidence().compareTo(min) < 0) {
      return false;
    }
    return r.minCvss().isEmpty()
        || alert.cvss().map(score -> score >= r.minCvss().get()).orElse(false);
  }

  /** Only the label's base word counts: {@code AMBER+STRICT} is AMBER. */
  static boolean tlpAllowed(Alert alert, Destination d) {
    String label = alert.tlp().orElse("").toUpperCase(Locale.ROOT).replace("TLP:", "");
    String base = label.contains("+") ? label.substring(0, label.indexOf('+')) : label;
    return !GATED.contains(base) || d.allowTlp().contains(base);
  }
}
