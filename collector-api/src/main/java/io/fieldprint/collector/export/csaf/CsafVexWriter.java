package io.fieldprint.collector.export.csaf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A CSAF 2.0 document of category {@code csaf_vex} (profile 5) from triage decisions: the products
 * in {@code product_tree.full_product_names}, one vulnerability per CVE (or advisory without CVEs)
 * with {@code product_status} by decision ({@code affected} → {@code known_affected}, {@code
 * not_affected} → {@code known_not_affected}, {@code fixed} → {@code fixed}, {@code
 * under_investigation} → {@code under_investigation}), a {@code flags} entry with the justification
 * and an {@code impact} threat for every not-affected product (impact statement, CSAF 6.1.27.9) and
 * a remediation for every affected one (action statement, 6.1.27.10). Pure: JDK and Jackson only.
 */
public final class CsafVexWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CsafVexWriter() {}

  /**
   * The document.
   *
   * @param publisherName who publishes it (the plant operator's name, or the collector's)
   * @param namespace the publisher's namespace URI
   * @param subject what it covers, e.g. the site id; part of the tracking id
   */
  public static ObjectNode document(
      String publisherName,
      String namespace,
      String subject,
      Instant now,
      String toolVersion,
      List<VexProduct> products,
      List<VexStatement> statements) {
    if (products.isEmpty() || statements.isEmpty()) {
      throw new IllegalArgumentException("a CSAF VEX document needs products and statements");
    }
    String date = now.truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode root = JSON.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_vex");
    doc.put("csaf_version", "2.0");
    doc.putObject("distribution").putObject("tlp").put("label", "AMBER");
    doc.put("lang", "en");
    ObjectNode publisher = doc.putObject("publisher");
    publisher.put("category", "user");
    publisher.put("name", publisherName);
    publisher.put("namespace", namespace);
    doc.put("title", "Vulnerability exploitability of " + subject);
    doc.putArray("notes")
        .addObject()
        .put("category", "summary")
        .put(
            "text",
            "Triage decisions recorded by the plant's analysts for the advisories fieldprint"
                + " matched to the devices of "
                + subject
                + ".");
    ObjectNode tracking = doc.putObject("tracking");
    tracking.put("id", "fieldprint-vex-" + subject + "-" + ID_TIME.format(now));
    tracking.put("status", "final");
    tracking.put("version", "1");
    tracking.put("initial_release_date", date);
    tracking.put("current_release_date", date);
    tracking
        .putArray("revision_history")
        .addObject()
        .put("date", date)
        .put("number", "1")
        .put("summary", "Exported from the fieldprint collector.");
    ObjectNode generator = tracking.putObject("generator");
    generator.put("date", date);
    generator.putObject("engine").put("name", "fieldprint").put("version", toolVersion);

    ArrayNode names = root.putObject("product_tree").putArray("full_product_names");
    products.forEach(p -> product(names.addObject(), p));
    ArrayNode vulnerabilities = root.putArray("vulnerabilities");
    byVulnerability(statements)
        .forEach((id, list) -> vulnerability(vulnerabilities.addObject(), id, list));
    return root;
  }

  private static void product(ObjectNode node, VexProduct p) {
    node.put("product_id", p.productId());
    node.put("name", p.name());
    if (p.model().isPresent() || p.serial().isPresent()) {
      ObjectNode helper = node.putObject("product_identification_helper");
      p.model().ifPresent(m -> helper.putArray("model_numbers").add(m));
      p.serial().ifPresent(s -> helper.putArray("serial_numbers").add(s));
    }
  }

  private static Map<String, List<VexStatement>> byVulnerability(List<VexStatement> statements) {
    Map<String, List<VexStatement>> out = new TreeMap<>();
    for (VexStatement s : statements) {
      List<String> ids = s.cves().isEmpty() ? List.of(s.advisoryId()) : s.cves();
      ids.forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
    }
    return out;
  }

  private static void vulnerability(ObjectNode v, String id, List<VexStatement> statements) {
    VexStatement first = statements.get(0);
    if (id.matches("CVE-[0-9]{4}-[0-9]{4,}")) {
      v.put("cve", id);
    } else {
      v.putArray("ids").addObject().put("system_name", "CSAF tracking id").put("text", id);
    }
    v.putArray("notes")
        .addObject()
        .put("category", "description")
        .put("title", "Advisory")
        .put("text", first.advisoryId() + ": " + first.advisoryTitle());
    Map<String, Set<String>> status = new LinkedHashMap<>();
    Map<String, Set<String>> flags = new TreeMap<>();
    ArrayNode threats = JSON.createArrayNode();
    ArrayNode remediations = JSON.createArrayNode();
    Set<String> advisoryUrls = new TreeSet<>();
    for (VexStatement s : statements) {
      status.computeIfAbsent(statusList(s.state()), k -> new TreeSet<>()).add(s.productId());
      s.advisoryUrl().ifPresent(advisoryUrls::add);
      if (s.state().equals("not_affected")) {
        s.justification()
            .ifPresent(j -> flags.computeIfAbsent(j, k -> new TreeSet<>()).add(s.productId()));
        threats
            .addObject()
            .put("category", "impact")
            .put("details", s.note().orElse("Not affected: " + s.justification().orElse("triaged")))
            .putArray("product_ids")
            .add(s.productId());
      } else if (s.state().equals("affected")) {
        remediations
            .addObject()
            .put("category", s.recommendation().isPresent() ? "vendor_fix" : "none_available")
            .put(
                "details",
                s.recommendation().orElse("No fix known to the collector; see the advisory."))
            .putArray("product_ids")
            .add(s.productId());
      }
    }
    ObjectNode productStatus = v.putObject("product_status");
    status.forEach(
        (list, ids) -> {
          ArrayNode a = productStatus.putArray(list);
          ids.forEach(a::add);
        });
    if (!flags.isEmpty()) {
      ArrayNode f = v.putArray("flags");
      flags.forEach(
          (label, ids) -> {
            ArrayNode a = f.addObject().put("label", label).putArray("product_ids");
            ids.forEach(a::add);
          });
    }
    if (!threats.isEmpty()) {
      v.set("threats", threats);
    }
    if (!remediations.isEmpty()) {
      v.set("remediations", remediations);
    }
    if (!advisoryUrls.isEmpty()) {
      ArrayNode refs = v.putArray("references");
      advisoryUrls.forEach(
          u ->
              refs.addObject()
                  .put("category", "external")
                  .put("summary", "Advisory")
                  .put("url", u));
    }
  }

  private static String statusList(String state) {
    return switch (state) {
      case "affected" -> "known_affected";
      case "not_affected" -> "known_not_affected";
      case "fixed" -> "fixed";
      default -> "under_investigation";
    };
  }
}
