package io.fieldprint.collector.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.collector.config.AlertRoute;
import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRoutingTest {
  private static final List<Destination> DESTINATIONS =
      List.of(
          new Destination.Webhook("soc", URI.create("http://127.0.0.1/"), "s", 1, Set.of("AMBER")),
          new Destination.Webhook(
              "cert", URI.create("http://127.0.0.1/"), "s", 1, Set.of("AMBER", "RED")),
          new Destination.Syslog(
              "siem", "127.0.0.1", 514, Destination.Transport.UDP, 1, Set.of(), Optional.empty()));

  private static Alert alert(String site, Confidence c, Double cvss, String tlp) {
    return alert(site, c, cvss, tlp, "{}");
  }

  private static Alert alert(String site, Confidence c, Double cvss, String tlp, String match) {
    return new Alert(
        1,
        site,
        "u",
        "ICSA-1",
        "1",
        "new",
        c,
        Optional.ofNullable(cvss),
        Optional.ofNullable(tlp),
        "t",
        match,
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void routesApplyTheirSiteMinimumConfidenceAndMinimumCvss() {
    AlertRouting routing =
        new AlertRouting(
            List.of(
                new AlertRoute("plant-a", List.of("soc"), "high", Optional.empty()),
                new AlertRoute("*", List.of("siem"), "low", Optional.of(7.0))),
            DESTINATIONS);
    assertEquals(
        List.of("soc", "siem"), routing.destinations(alert("plant-a", Confidence.HIGH, 9.8, null)));
    assertEquals(
        List.of("siem"), routing.destinations(alert("plant-a", Confidence.MEDIUM, 7.0, null)));
    assertEquals(List.of(), routing.destinations(alert("plant-a", Confidence.MEDIUM, 6.9, null)));
    assertEquals(List.of(), routing.destinations(alert("plant-b", Confidence.HIGH, null, null)));
  }

  @Test
  void amberAndRedAlertsOnlyReachDestinationsAllowingTheirLabel() {
    AlertRouting routing =
        new AlertRouting(
            List.of(new AlertRoute("*", List.of("soc", "cert", "siem"), "low", Optional.empty())),
            DESTINATIONS);
    assertEquals(
        List.of("soc", "cert", "siem"),
        routing.destinations(alert("a", Confidence.LOW, null, "WHITE")));
    assertEquals(
        List.of("soc", "cert"), routing.destinations(alert("a", Confidence.LOW, null, "AMBER")));
    assertEquals(
        List.of("soc", "cert"),
        routing.destinations(alert("a", Confidence.LOW, null, "AMBER+STRICT")));
    assertEquals(List.of("cert"), routing.destinations(alert("a", Confidence.LOW, null, "RED")));
  }

  @Test
  void aKevOnlyRouteTakesOnlyAlertsNamingACveOfTheCatalog() {
    AlertRouting routing =
        new AlertRouting(
            List.of(
                new AlertRoute("*", List.of("soc"), "low", Optional.empty(), true),
                new AlertRoute("*", List.of("siem"), "low", Optional.empty())),
            DESTINATIONS);
    Set<String> kev = Set.of("CVE-2021-44228");
    Alert known =
        alert("a", Confidence.LOW, null, null, "{\"cves\":[\"CVE-2020-1\",\"CVE-2021-44228\"]}");
    Alert other = alert("a", Confidence.LOW, null, null, "{\"cves\":[\"CVE-2020-1\"]}");
    assertEquals(List.of("soc", "siem"), routing.destinations(known, kev));
    assertEquals(List.of("siem"), routing.destinations(other, kev));
    assertEquals(List.of("siem"), routing.destinations(known, Set.of()));
    assertEquals(List.of("siem"), routing.destinations(known));
  }
}
