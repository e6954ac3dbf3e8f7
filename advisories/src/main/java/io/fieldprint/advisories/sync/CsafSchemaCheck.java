package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates documents against the CSAF 2.0 JSON schema (requirement 1: a valid CSAF document).
 *
 * <p>The schema is not shipped with fieldprint (it is OASIS material under the OASIS IPR policy);
 * point {@link #load(Path)} at a copy of the {@code csaf_2.0} folder of oasis-tcs/csaf, which holds
 * {@code json_schema/csaf_json_schema.json} and {@code referenced_schema/first/cvss-v*.json}. The
 * schema's {@code $id} and the CVSS {@code $ref}s are mapped to those files; any other remote
 * schema is refused, so validation never goes to the network.
 */
public final class CsafSchemaCheck implements DocumentCheck {
  static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  private static final String FIRST = "https://www.first.org/cvss/";
  private static final int MAX_REASONS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonSchema schema;

  private CsafSchemaCheck(JsonSchema schema) {
    this.schema = schema;
  }

  /** Loads the schema from an OASIS {@code csaf_2.0} folder. */
  public static CsafSchemaCheck load(Path csaf20Folder) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    files.put(
        CSAF_ID, Files.readAllBytes(csaf20Folder.resolve("json_schema/csaf_json_schema.json")));
    for (String cvss : new String[] {"cvss-v2.0.json", "cvss-v3.0.json", "cvss-v3.1.json"}) {
      files.put(
          FIRST + cvss,
          Files.readAllBytes(csaf20Folder.resolve("referenced_schema/first/" + cvss)));
    }
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaLoaders(l -> l.add(iri -> local(files, iri))));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    return new CsafSchemaCheck(factory.getSchema(SchemaLocation.of(CSAF_ID), config));
  }

  private static InputStreamSource local(Map<String, byte[]> files, AbsoluteIri iri) {
    String id = iri.toString();
    byte[] bytes = files.get(id);
    if (bytes != null) {
      return () -> new ByteArrayInputStream(bytes);
    }
    String scheme = iri.getScheme();
    if ("http".equals(scheme) || "https".equals(scheme)) {
      return () -> {
        throw new IOException("remote schema " + id + " refused (no network during validation)");
      };
    }
    return null;
  }

  @Override
  public Optional<String> problem(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      return Optional.of("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null) {
      return Optional.of("not JSON: empty");
    }
    Set<ValidationMessage> messages = schema.validate(node);
    if (messages.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder reason = new StringBuilder("CSAF 2.0 schema: ");
    messages.stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .limit(MAX_REASONS)
        .forEach(m -> reason.append(m).append("; "));
    if (messages.size() > MAX_REASONS) {
      reason.append("and ").append(messages.size() - MAX_REASONS).append(" more");
    } else {
      reason.setLength(reason.length() - 2);
    }
    return Optional.of(reason.toString());
  }
}
