package io.fieldprint.collector.export.cyclonedx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a CycloneDX 1.6 JSON document piece by piece: {@link #begin}, any number of {@link
 * #device} calls, {@link #vulnerabilities}, {@link #end}. {@link #drain} hands over what was
 * written so far, so a large document can be streamed without being held whole. Device details
 * CycloneDX has no field for (order number, serial, addresses, protocols, role) are {@code
 * properties} named {@code fieldprint:...}. One instance writes one document, from one thread.
 */
public final class CycloneDxWriter {
  public static final String SPEC_VERSION = "1.6";
  private static final JsonFactory JSON = new JsonFactory();

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final JsonGenerator out;

  public CycloneDxWriter() {
    try {
      out = JSON.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the document and its {@code components} array.
   *
   * @param serial the document's serial number (a random UUID per export)
   * @param subject {@code fieldprint:...} properties describing what the document covers
   */
  public void begin(UUID serial, Instant timestamp, String toolVersion, List<Property> subject) {
    write(
        () -> {
          out.writeStartObject();
          out.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
          out.writeStringField("bomFormat", "CycloneDX");
          out.writeStringField("specVersion", SPEC_VERSION);
          out.writeStringField("serialNumber", "urn:uuid:" + serial);
          out.writeNumberField("version", 1);
          out.writeObjectFieldStart("metadata");
          out.writeStringField("timestamp", timestamp.toString());
          out.writeObjectFieldStart("tools");
          out.writeArrayFieldStart("components");
          out.writeStartObject();
          out.writeStringField("type", "application");
          out.writeStringField("name", "fieldprint");
          out.writeStringField("version", toolVersion);
          out.writeEndObject();
          out.writeEndArray();
          out.writeEndObject();
          properties(subject);
          out.writeEndObject();
          out.writeArrayFieldStart("components");
        });
  }

  /** One device component with its firmware component nested. */
  public void device(BomDevice d) {
    write(
        () -> {
          out.writeStartObject();
          out.writeStringField("type", "device");
          out.writeStringField("bom-ref", d.ref());
          organisation("manufacturer", d.vendor());
          organisation("supplier", d.vendor());
          out.writeStringField("name", d.componentName());
          optional("version", d.hardware());
          optional("description", d.name());
          properties(deviceProperties(d));
          out.writeArrayFieldStart("components");
          out.writeStartObject();
          out.writeStringField("type", "firmware");
          out.writeStringField("bom-ref", d.firmwareRef());
          organisation("manufacturer", d.vendor());
          out.writeStringField("name", d.componentName() + " firmware");
          optional("version", d.firmware());
          out.writeEndObject();
          out.writeEndArray();
          out.writeEndObject();
        });
  }

  /** Closes {@code components} and writes {@code vulnerabilities}. */
  public void vulnerabilities(List<BomVulnerability> vulnerabilities) {
    write(
        () -> {
          out.writeEndArray();
          out.writeArrayFieldStart("vulnerabilities");
          for (BomVulnerability v : vulnerabilities) {
            vulnerability(v);
          }
          out.writeEndArray();
        });
  }

  /** Closes the document. */
  public void end() {
    write(out::writeEndObject);
  }

  /** What was written since the last drain. */
  public byte[] drain() {
    write(out::flush);
    byte[] bytes = buffer.toByteArray();
    buffer.reset();
    return bytes;
  }

  private void vulnerability(BomVulnerability v) throws IOException {
    out.writeStartObject();
    out.writeStringField("bom-ref", v.ref());
    out.writeStringField("id", v.id());
    link("source", "name", v.source());
    out.writeArrayFieldStart("ratings");
    for (BomRating r : v.ratings()) {
      out.writeStartObject();
      if (r.source().isPresent()) {
        out.writeObjectFieldStart("source");
        out.writeStringField("name", r.source().get());
        out.writeEndObject();
      }
      out.writeNumberField("score", r.score());
      out.writeStringField("severity", r.severity());
      out.writeStringField("method", r.method());
      out.writeStringField("vector", r.vector());
      out.writeEndObject();
    }
    out.writeEndArray();
    if (!v.cwes().isEmpty()) {
      out.writeArrayFieldStart("cwes");
      for (int cwe : v.cwes()) {
        out.writeNumber(cwe);
      }
      out.writeEndArray();
    }
    optional("description", v.description());
    optional("recommendation", v.recommendation());
    out.writeArrayFieldStart("advisories");
    for (BomVulnerability.Link a : v.advisories()) {
      link(null, "title", a);
    }
    out.writeEndArray();
    if (v.analysis().isPresent()) {
      analysis(v.analysis().get());
    }
    out.writeArrayFieldStart("affects");
    for (String ref : v.affects()) {
      out.writeStartObject();
      out.writeStringField("ref", ref);
      out.writeEndObject();
    }
    out.writeEndArray();
    properties(List.of(new Property("fieldprint:kev", Boolean.toString(v.kev()))));
    out.writeEndObject();
  }

  private void analysis(VexAnalysis a) throws IOException {
    out.writeObjectFieldStart("analysis");
    out.writeStringField("state", a.state());
    optional("justification", a.justification());
    optional("detail", a.detail());
    out.writeStringField("lastUpdated", a.lastUpdated().toString());
    out.writeEndObject();
  }

  private static List<Property> deviceProperties(BomDevice d) {
    List<Property> p = new java.util.ArrayList<>();
    p.add(new Property("fieldprint:assetId", d.assetId()));
    p.add(new Property("fieldprint:role", d.role()));
    d.model().ifPresent(m -> p.add(new Property("fieldprint:orderNumber", m)));
    d.serial().ifPresent(s -> p.add(new Property("fieldprint:serialNumber", s)));
    d.ip().forEach(ip -> p.add(new Property("fieldprint:ip", ip)));
    d.mac().forEach(mac -> p.add(new Property("fieldprint:mac", mac)));
    d.protocols().forEach(proto -> p.add(new Property("fieldprint:protocol", proto)));
    return p;
  }

  private void properties(List<Property> properties) throws IOException {
    if (properties.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("properties");
    for (Property p : properties) {
      out.writeStartObject();
      out.writeStringField("name", p.name());
      out.writeStringField("value", p.value());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private void organisation(String field, Optional<String> name) throws IOException {
    if (name.isPresent()) {
      out.writeObjectFieldStart(field);
      out.writeStringField("name", name.get());
      out.writeEndObject();
    }
  }

  /** A link object, as the field {@code field} or (when null) as an array element. */
  private void link(String field, String nameKey, BomVulnerability.Link l) throws IOException {
    if (field == null) {
      out.writeStartObject();
    } else {
      out.writeObjectFieldStart(field);
    }
    out.writeStringField(nameKey, l.name());
    optional("url", l.url());
    out.writeEndObject();
  }

  private void optional(String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      out.writeStringField(field, value.get());
    }
  }

  private void write(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /** A CycloneDX {@code properties[]} entry. */
  public record Property(String name, String value) {}
}
