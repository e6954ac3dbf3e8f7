package io.fieldprint.protocols.inventory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.model.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads and writes the inventory document ({@value Inventory#SCHEMA}). Output is canonical: keys
 * sorted, arrays in the inventory's own order, unknown values written as {@code null}. See {@code
 * docs/reference/inventory.md} for every field.
 */
public final class InventoryJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** {@link #MAPPER} without indentation (it would otherwise indent the generator it writes to). */
  private static final ObjectMapper COMPACT =
      MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final String generatorVersion;

  /**
   * @param generatorVersion the fieldprint version written into {@code generator.version}
   */
  public InventoryJson(String generatorVersion) {
    this.generatorVersion = generatorVersion;
  }

  /**
   * The document as text (for tests and small inventories; see {@link #write(Inventory, Writer)}).
   */
  public String write(Inventory inventory) {
    StringWriter out = new StringWriter();
    try {
      write(inventory, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Streams the document to {@code out}, one asset at a time, so memory does not grow with the size
   * of the output. Keys are written in sorted order; the writer is flushed, not closed.
   */
  public void write(Inventory inv, Writer out) throws IOException {
    write(inv, out, true);
  }

  /**
   * Streams the document, indented for people or compact for machines (an agent's report to the
   * collector: about a third smaller, the same document).
   */
  public void write(Inventory inv, Writer out, boolean indented) throws IOException {
    ObjectMapper mapper = indented ? MAPPER : COMPACT;
    JsonGenerator g = mapper.getFactory().createGenerator(out);
    g.setPrettyPrinter(indented ? new DefaultPrettyPrinter() : null);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeFieldName("assets");
    writeArray(mapper, g, inv.assets(), InventoryJson::asset);
    g.writeFieldName("findings");
    writeArray(mapper, g, inv.findings(), InventoryJson::finding);
    g.writeFieldName("generator");
    mapper.writeValue(g, Map.of("name", "fieldprint", "version", generatorVersion));
    g.writeFieldName("matches");
    writeArray(mapper, g, inv.matches(), m -> m);
    g.writeStringField("schema", Inventory.SCHEMA);
    g.writeFieldName("sources");
    writeArray(mapper, g, inv.sources(), InventoryJson::source);
    g.writeFieldName("warnings");
    writeArray(mapper, g, inv.warnings(), InventoryJson::warning);
    g.writeNumberField("warningsOmitted", inv.warningsOmitted());
    g.writeEndObject();
    g.flush();
    out.write("\n");
    out.flush();
  }

  private static <T> void writeArray(
      ObjectMapper mapper, JsonGenerator g, List<T> items, Function<T, Object> toTree)
      throws IOException {
    g.writeStartArray();
    for (T item : items) {
      mapper.writeValue(g, toTree.apply(item));
    }
    g.writeEndArray();
  }

  private static Map<String, Object> source(InventorySource s) {
    Map<String, Object> m = new TreeMap<>();
    m.put("kind", s.kind());
    m.put("name", s.name());
    m.put("status", s.status());
    m.put("error", s.error());
    m.put("frames", s.frames());
    m.put("bytes", s.bytes());
    m.put("firstFrameAt", time(s.firstFrameAt()));
    m.put("lastFrameAt", time(s.lastFrameAt()));
    m.put("warnings", s.warnings());
    return m;
  }

  private static Map<String, Object> asset(Asset a) {
    Map<String, Object> m = new TreeMap<>();
    m.put("id", a.id());
    m.put("ip", a.ip());
    m.put("mac", a.mac());
    m.put("name", a.name());
    m.put("vendor", a.vendor());
    m.put("product", a.product());
    m.put("model", a.model());
    m.put("firmware", a.firmware());
    m.put("hardware", a.hardware());
    m.put("serial", a.serial());
    m.put("role", a.role().jsonName());
    m.put("macVendor", a.macVendor());
    Map<String, Object> attribution = new TreeMap<>();
    a.attribution()
        .forEach(
            (field, at) ->
                attribution.put(
                    field,
                    Map.of(
                        "source", at.source(),
                        "origin", at.origin(),
                        "authority", at.authority().name().toLowerCase(Locale.ROOT))));
    m.put("attribution", attribution);
    m.put("protocols", a.protocols());
    m.put("firstSeen", time(a.firstSeen()));
    m.put("lastSeen", time(a.lastSeen()));
    m.put("evidence", a.evidence().stream().map(InventoryJson::evidence).toList());
    m.put("evidenceOmitted", a.evidenceOmitted());
    return m;
  }

  private static Map<String, Object> finding(InventoryFinding f) {
    Map<String, Object> m = new TreeMap<>();
    m.put("assetId", f.assetId());
    m.put("rule", f.rule());
    m.put("severity", f.severity().jsonName());
    m.put("title", f.title());
    m.put("detail", f.detail());
    m.put("evidence", f.evidence().stream().map(InventoryJson::evidence).toList());
    m.put("occurrences", f.occurrences());
    return m;
  }

  private static Map<String, Object> evidence(Evidence e) {
    Map<String, Object> m = new TreeMap<>();
    m.put("source", e.source());
    m.put("at", time(e.at()));
    m.put("origin", e.origin());
    m.put("fields", e.fields());
    return m;
  }

  private static Map<String, Object> warning(DecodeWarning w) {
    Map<String, Object> m = new TreeMap<>();
    m.put("origin", w.origin());
    m.put("protocol", w.protocol());
    m.put("message", w.message());
    return m;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /**
   * Reads an inventory document. Fields this version does not know are ignored; a document of
   * another schema version is rejected.
   *
   * @throws InventoryFormatException when the text is not a {@value Inventory#SCHEMA} document
   */
  public static Inventory read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InventoryFormatException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !Inventory.SCHEMA.equals(root.path("schema").asText(null))) {
      throw new InventoryFormatException(
          "not a " + Inventory.SCHEMA + " document (schema is " + root.path("schema") + ")");
    }
    try {
      return new Inventory(
          list(root.path("sources"), InventoryJson::readSource),
          list(root.path("assets"), InventoryJson::readAsset),
          list(root.path("findings"), InventoryJson::readFinding),
          list(root.path("matches"), n -> MAPPER.convertValue(n, Object.class)),
          list(root.path("warnings"), InventoryJson::readWarning),
          root.path("warningsOmitted").asLong(0));
    } catch (RuntimeException e) {
      throw new InventoryFormatException("malformed inventory: " + e.getMessage());
    }
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> out.add(f.apply(n)));
    }
    return out;
  }

  private static InventorySource readSource(JsonNode n) {
    return new InventorySource(
        text(n, "kind"),
        text(n, "name"),
        text(n, "status"),
        text(n, "error"),
        n.path("frames").asLong(),
        n.path("bytes").asLong(),
        instant(n, "firstFrameAt"),
        instant(n, "lastFrameAt"),
        n.path("warnings").asLong());
  }

  private static Asset readAsset(JsonNode n) {
    Map<String, Attribution> attribution = new LinkedHashMap<>();
    n.path("attribution")
        .fields()
        .forEachRemaining(
            e ->
                attribution.put(
                    e.getKey(),
                    new Attribution(
                        text(e.getValue(), "source"),
                        text(e.getValue(), "origin"),
                        Authority.valueOf(
                            text(e.getValue(), "authority").toUpperCase(Locale.ROOT)))));
    return new Asset(
        text(n, "id"),
        list(n.path("ip"), JsonNode::asText),
        list(n.path("mac"), JsonNode::asText),
        text(n, "name"),
        text(n, "vendor"),
        text(n, "product"),
        text(n, "model"),
        text(n, "firmware"),
        text(n, "hardware"),
        text(n, "serial"),
        Role.valueOf(n.path("role").asText("unknown").toUpperCase(Locale.ROOT)),
        text(n, "macVendor"),
        attribution,
        list(n.path("protocols"), JsonNode::asText),
        instant(n, "firstSeen"),
        instant(n, "lastSeen"),
        list(n.path("evidence"), InventoryJson::readEvidence),
        n.path("evidenceOmitted").asInt());
  }

  private static InventoryFinding readFinding(JsonNode n) {
    return new InventoryFinding(
        text(n, "assetId"),
        text(n, "rule"),
        Severity.valueOf(n.path("severity").asText().toUpperCase(Locale.ROOT)),
        text(n, "title"),
        text(n, "detail"),
        list(n.path("evidence"), InventoryJson::readEvidence),
        n.path("occurrences").asInt(1));
  }

  private static Evidence readEvidence(JsonNode n) {
    return new Evidence(
        text(n, "source"),
        instant(n, "at"),
        text(n, "origin"),
        MAPPER.convertValue(n.path("fields"), MAP));
  }

  private static DecodeWarning readWarning(JsonNode n) {
    return new DecodeWarning(text(n, "origin"), text(n, "protocol"), text(n, "message"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : Instant.parse(t);
  }
}
