package io.fieldprint.collector.ingest;

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

/**
 * The inventory JSON Schema shipped in the protocols jar, compiled once, at construction: the
 * validator otherwise builds each keyword's checks on first use, inside the first reports after a
 * start. Thread-safe.
 */
final class InventorySchema {
  static final String RESOURCE = "/io/fieldprint/inventory/inventory.schema.json";

  private final JsonSchema schema;

  InventorySchema() {
    try (InputStream in = InventorySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (protocols jar)");
      }
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(new ObjectMapper().readTree(in));
      schema.initializeValidators();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations of {@code inventory}, sorted, at most {@code max}; empty when valid. */
  List<String> violations(JsonNode inventory, int max) {
    Set<ValidationMessage> messages = schema.validate(inventory);
    return messages.stream().map(ValidationMessage::getMessage).sorted().limit(max).toList();
  }
}
