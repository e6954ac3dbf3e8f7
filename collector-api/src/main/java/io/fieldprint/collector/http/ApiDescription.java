package io.fieldprint.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /api/v1} operations of the collector's OpenAPI document ({@code openapi.yaml}, the one
 * served at {@code /openapi.yaml}) with their parameter and request-body schemas compiled, so
 * requests are checked against the same text clients read. An operation marked {@code
 * x-fieldprint-body-check} names the reader that checks its body instead (the report body is read
 * with the request limits and the inventory schema by {@code ReportReader}).
 */
final class ApiDescription {
  static final String PREFIX = "/api/v1/";
  private static final String DOCUMENT_URI = "https://fieldprint.io/collector/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One parameter: where it is, whether it must be there, its JSON type and schema. */
  record Parameter(String name, String in, boolean required, String type, JsonSchema schema) {}

  /** One operation of the document. */
  record Operation(
      HttpMethod method,
      String path,
      Pattern pattern,
      List<String> pathNames,
      List<Parameter> parameters,
      boolean bodyRequired,
      Optional<JsonSchema> body) {}

  /** An operation and the path parameters of one request. */
  record Found(Operation operation, Map<String, String> pathValues) {}

  private final List<Operation> operations;

  private ApiDescription(List<Operation> operations) {
    this.operations = operations;
  }

  /** Reads and compiles the document on the classpath. */
  static ApiDescription load() {
    try (InputStream in = ApiDescription.class.getResourceAsStream(OpsRoutes.OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OpsRoutes.OPENAPI_RESOURCE + " is missing from the jar");
      }
      return of(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiDescription of(JsonNode document) {
    // JSON Schema 2020-12 plus the OpenAPI document's own top-level members, which the schemas
    // are read from but which validate nothing
    JsonMetaSchema dialect =
        JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keywords(
                Set.of("openapi", "info", "servers", "security", "paths", "components").stream()
                    .map(NonValidationKeyword::new)
                    .toList())
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b ->
                b.metaSchema(dialect)
                    .schemaLoaders(l -> l.schemas(Map.of(DOCUMENT_URI, document.toString()))));
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getKey().startsWith(PREFIX)) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          out.add(operation(factory, document, path.getKey(), path.getValue(), op));
        }
      }
    }
    // literal segments first: /alerts/dead-letters before /alerts/{id}
    out.sort(Comparator.comparingInt((Operation o) -> -literalSegments(o.path())));
    return new ApiDescription(List.copyOf(out));
  }

  private static Operation operation(
      JsonSchemaFactory factory,
      JsonNode document,
      String path,
      JsonNode pathItem,
      Map.Entry<String, JsonNode> op) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(path);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last)));
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode source : List.of(pathItem.path("parameters"), op.getValue().path("parameters"))) {
      for (JsonNode p : source) {
        parameters.add(parameter(factory, resolve(document, p)));
      }
    }
    JsonNode body = op.getValue().path("requestBody");
    JsonNode schema = body.path("content").path("application/json").path("schema");
    boolean checked = !schema.isMissingNode() && !op.getValue().has("x-fieldprint-body-check");
    return new Operation(
        HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT)),
        path,
        Pattern.compile(regex.toString()),
        List.copyOf(names),
        List.copyOf(parameters),
        body.path("required").asBoolean(false),
        checked ? Optional.of(compile(factory, schema)) : Optional.empty());
  }

  private static Parameter parameter(JsonSchemaFactory factory, JsonNode p) {
    JsonNode schema = p.path("schema");
    return new Parameter(
        p.path("name").asText(),
        p.path("in").asText(),
        p.path("required").asBoolean(false),
        schema.path("type").asText("string"),
        compile(factory, schema.isMissingNode() ? YAML.createObjectNode() : schema));
  }

  /** A {@code $ref} to {@code #/components/...} replaced by what it points at. */
  private static JsonNode resolve(JsonNode document, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
  }

  /** Compiles a schema of the document; its local references point into the document. */
  private static JsonSchema compile(JsonSchemaFactory factory, JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    absoluteRefs(copy);
    JsonSchema compiled = factory.getSchema(SchemaLocation.of(DOCUMENT_URI + "/operation"), copy);
    compiled.initializeValidators();
    return compiled;
  }

  private static void absoluteRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
        object.put("$ref", DOCUMENT_URI + ref.asText());
      }
    }
    node.forEach(ApiDescription::absoluteRefs);
  }

  private static int literalSegments(String path) {
    int n = 0;
    for (String segment : path.split("/")) {
      n += segment.startsWith("{") ? 0 : 1;
    }
    return n;
  }

  /** The operation a request is for, if the document describes it. */
  Optional<Found> find(HttpMethod method, String requestPath) {
    for (Operation o : operations) {
      if (!o.method().equals(method)) {
        continue;
      }
      Matcher m = o.pattern().matcher(requestPath);
      if (m.matches()) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < o.pathNames().size(); i++) {
          values.put(o.pathNames().get(i), m.group(i + 1));
        }
        return Optional.of(new Found(o, values));
      }
    }
    return Optional.empty();
  }

  /** Every operation as {@code METHOD /api/v1/path/{name}}. */
  List<String> operations() {
    return operations.stream().map(o -> o.method().name() + " " + o.path()).sorted().toList();
  }
}
