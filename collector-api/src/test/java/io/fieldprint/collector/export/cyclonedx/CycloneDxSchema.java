package io.fieldprint.collector.export.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;

/** The official CycloneDX 1.6 JSON schema, as cyclonedx-core-java ships and applies it. */
public final class CycloneDxSchema {
  private CycloneDxSchema() {}

  /** Fails with every schema violation listed; returns the document as CycloneDX's model. */
  public static Bom validBom(byte[] json) throws Exception {
    JsonParser parser = new JsonParser();
    List<ParseException> problems = parser.validate(json, Version.VERSION_16);
    assertEquals(
        List.of(),
        problems.stream().map(Throwable::getMessage).toList(),
        () -> new String(json, StandardCharsets.UTF_8));
    return parser.parse(json);
  }
}
