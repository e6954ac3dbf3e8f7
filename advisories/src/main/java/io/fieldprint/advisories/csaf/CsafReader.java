package io.fieldprint.advisories.csaf;

import static io.fieldprint.advisories.csaf.JsonFields.dateTime;
import static io.fieldprint.advisories.csaf.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSAF 2.0 documents into {@link CsafDocument}s. This is a structural check of what a matcher
 * relies on, not a JSON-schema validation.
 *
 * <p>Rejected: input over a {@link CsafLimits} bound or not JSON; a root that is not an object; no
 * {@code document} object; {@code csaf_version} other than {@code 2.0}; an empty {@code
 * tracking.id} or {@code publisher.namespace} (together they identify the advisory); a product tree
 * that declared products of which none survived. Everything else (duplicate product ids, unknown or
 * cyclic relationship references, unknown ids in statuses, scores, remediations and groups, invalid
 * dates, missing title or category, branches with both or neither of {@code branches} and {@code
 * product}) is a problem listed on the document, which is kept; the first definition of a duplicate
 * id wins and unresolvable relationships are dropped.
 */
public final class CsafReader {
  private final CsafLimits limits;
  private final JsonBounds bounds;
  private final ObjectMapper mapper;

  public CsafReader(CsafLimits limits) {
    this.limits = limits;
    this.bounds = new JsonBounds(limits);
    this.mapper = new ObjectMapper(bounds.factory());
  }

  public CsafReader() {
    this(CsafLimits.DEFAULT);
  }

  /** Reads a document from its exact bytes (UTF-8 JSON); never throws. */
  public CsafResult read(byte[] json) {
    if (json == null) {
      return new CsafResult.Rejected("no document");
    }
    String problem = bounds.check(json);
    if (problem != null) {
      return new CsafResult.Rejected(problem);
    }
    try {
      return convert(mapper.readTree(json));
    } catch (IOException | RuntimeException e) {
      return new CsafResult.Rejected("unreadable document: " + e.getClass().getSimpleName());
    }
  }

  /** Reads a document that is already a tree; the same limits apply. Never throws. */
  public CsafResult read(JsonNode root) {
    if (root == null) {
      return new CsafResult.Rejected("no document");
    }
    String problem = bounds.check(root);
    return problem != null ? new CsafResult.Rejected(problem) : convert(root);
  }

  /** The limits in force. */
  public CsafLimits limits() {
    return limits;
  }

  private CsafResult convert(JsonNode root) {
    try {
      String reject = structure(root);
      return reject != null ? new CsafResult.Rejected(reject) : document(root);
    } catch (RuntimeException e) {
      return new CsafResult.Rejected("unexpected structure: " + e.getClass().getSimpleName());
    }
  }

  private static String structure(JsonNode root) {
    JsonNode document = root.path("document");
    if (!root.isObject() || !document.isObject()) {
      return "no 'document' object";
    }
    if (!"2.0".equals(text(document, "csaf_version"))) {
      return "csaf_version is '" + text(document, "csaf_version") + "', not '2.0'";
    }
    if (text(document.path("tracking"), "id").isBlank()) {
      return "document.tracking.id is missing";
    }
    if (text(document.path("publisher"), "namespace").isBlank()) {
      return "document.publisher.namespace is missing";
    }
    return null;
  }

  private CsafResult document(JsonNode root) {
    Problems problems = new Problems();
    JsonNode document = root.path("document");
    JsonNode tree = root.path("product_tree");
    ProductTree productTree = ProductTreeReader.read(tree, problems);
    if (productTree.products().isEmpty() && declaresProducts(tree) && !problems.isEmpty()) {
      return new CsafResult.Rejected("no usable product: " + problems.first());
    }
    List<Vulnerability> vulnerabilities = vulnerabilities(root, productTree, problems);
    JsonNode publisher = document.path("publisher");
    for (String member : List.of("category", "title")) {
      if (text(document, member).isBlank()) {
        problems.add("document." + member + " is missing");
      }
    }
    return new CsafDocument(
        text(document, "category"),
        text(document, "csaf_version"),
        text(document, "title"),
        text(document, "lang"),
        new CsafDocument.Publisher(
            text(publisher, "name"), text(publisher, "namespace"), text(publisher, "category")),
        text(document.path("distribution").path("tlp"), "label"),
        tracking(document.path("tracking"), problems),
        notes(document.path("notes")),
        references(document.path("references")),
        productTree,
        vulnerabilities,
        problems.list());
  }

  private static boolean declaresProducts(JsonNode tree) {
    return tree.path("branches").size()
            + tree.path("full_product_names").size()
            + tree.path("relationships").size()
        > 0;
  }

  private static List<Vulnerability> vulnerabilities(
      JsonNode root, ProductTree tree, Problems problems) {
    Map<String, ProductGroup> groups = new LinkedHashMap<>();
    tree.productGroups().forEach(g -> groups.putIfAbsent(g.groupId(), g));
    VulnerabilityReader reader = new VulnerabilityReader(tree.byId(), groups, problems);
    List<Vulnerability> out = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("vulnerabilities")) {
      out.add(reader.read(node, index++));
    }
    return out;
  }

  private static CsafDocument.Tracking tracking(JsonNode tracking, Problems problems) {
    List<CsafDocument.Revision> revisions = new ArrayList<>();
    for (JsonNode r : tracking.path("revision_history")) {
      revisions.add(
          new CsafDocument.Revision(
              dateTime(r, "date", "revision_history[]", problems),
              text(r, "number"),
              text(r, "summary")));
    }
    return new CsafDocument.Tracking(
        text(tracking, "id"),
        text(tracking, "version"),
        text(tracking, "status"),
        dateTime(tracking, "initial_release_date", "tracking", problems),
        dateTime(tracking, "current_release_date", "tracking", problems),
        revisions);
  }

  static List<CsafDocument.Note> notes(JsonNode notes) {
    List<CsafDocument.Note> out = new ArrayList<>();
    for (JsonNode n : notes) {
      out.add(new CsafDocument.Note(text(n, "category"), text(n, "title"), text(n, "text")));
    }
    return out;
  }

  private static List<CsafDocument.Reference> references(JsonNode references) {
    List<CsafDocument.Reference> out = new ArrayList<>();
    for (JsonNode r : references) {
      out.add(new CsafDocument.Reference(text(r, "category"), text(r, "summary"), text(r, "url")));
    }
    return out;
  }
}
