package io.fieldprint.advisories.csaf;

import java.nio.charset.StandardCharsets;

/** Builds small synthetic CSAF documents as JSON text. */
final class CsafTestDocuments {
  private CsafTestDocuments() {}

  static final String DOCUMENT =
      """
      "document": {"category": "csaf_base", "csaf_version": "2.0", "title": "%s",
        "publisher": {"category": "vendor", "name": "ACME", "namespace": "https://acme.example"},
        "tracking": {"id": "ACME-1", "status": "final", "version": "1",
          "initial_release_date": "2024-01-01T00:00:00Z",
          "current_release_date": "2024-01-02T00:00:00.123456Z",
          "revision_history": [{"date": "2024-01-01T00:00:00Z", "number": "1", "summary": "s"}]}}
      """;

  /** A document with this product tree and vulnerabilities (JSON member bodies). */
  static byte[] document(String productTree, String vulnerabilities) {
    return json("Title", productTree, vulnerabilities).getBytes(StandardCharsets.UTF_8);
  }

  static String json(String title, String productTree, String vulnerabilities) {
    return "{"
        + DOCUMENT.formatted(title)
        + ", \"product_tree\": {"
        + productTree
        + "}, \"vulnerabilities\": ["
        + vulnerabilities
        + "]}";
  }

  /** {@code full_product_names} entries for the given ids. */
  static String products(String... ids) {
    StringBuilder out = new StringBuilder("\"full_product_names\": [");
    for (int i = 0; i < ids.length; i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"name\": \"Product ")
          .append(ids[i])
          .append("\", \"product_id\": \"")
          .append(ids[i])
          .append("\"}");
    }
    return out.append("]").toString();
  }

  /** A relationship making {@code id} from {@code a} installed on {@code b}. */
  static String relationship(String id, String a, String b) {
    return "{\"category\": \"installed_on\", \"product_reference\": \""
        + a
        + "\", \"relates_to_product_reference\": \""
        + b
        + "\", \"full_product_name\": {\"name\": \""
        + id
        + "\", \"product_id\": \""
        + id
        + "\"}}";
  }
}
