package io.fieldprint.protocols.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Validates documents against the shipped inventory JSON Schema. */
public final class InventorySchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private InventorySchema() {}

  private static JsonSchema load() {
    try (InputStream in =
        InventorySchema.class.getResourceAsStream(
            "/io/fieldprint/inventory/inventory.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("inventory.schema.json is not on the classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of {@code json}, empty when it is valid. */
  public static List<String> violations(String json) {
    try {
      JsonNode doc = MAPPER.readTree(json);
      Set<ValidationMessage> messages = SCHEMA.validate(doc);
      return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }
}
