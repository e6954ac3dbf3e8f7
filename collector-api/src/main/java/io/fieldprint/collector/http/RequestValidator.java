package io.fieldprint.collector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each {@code /api/v1} request against its operation in the OpenAPI document ({@link
 * ApiDescription}): path and query parameters first (on the event loop, they are short), then the
 * JSON body against the operation's schema (on a worker, bodies can be large). A request that does
 * not match answers 400 with the violations (at most {@link #MAX_VIOLATIONS}) in {@code details}.
 * Requests the document does not describe pass on to the router, which answers 404 or 405.
 */
final class RequestValidator {
  static final int MAX_VIOLATIONS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiDescription api;
  private final Blocking blocking;

  RequestValidator(ApiDescription api, Blocking blocking) {
    this.api = api;
    this.blocking = blocking;
  }

  void handle(RoutingContext ctx) {
    Optional<ApiDescription.Found> found = api.find(ctx.request().method(), ctx.normalizedPath());
    if (found.isEmpty()) {
      ctx.next();
      return;
    }
    List<String> violations = parameters(ctx, found.get());
    if (!violations.isEmpty()) {
      ctx.fail(invalid(violations));
      return;
    }
    ApiDescription.Operation op = found.get().operation();
    Buffer body = ctx.body().buffer();
    boolean empty = body == null || body.length() == 0;
    if (op.body().isEmpty() || (empty && !op.bodyRequired())) {
      ctx.next();
      return;
    }
    if (empty) {
      ctx.fail(invalid(List.of("body: a JSON request body is required")));
      return;
    }
    JsonSchema schema = op.body().get();
    byte[] bytes = body.getBytes();
    blocking
        .run(() -> bodyViolations(schema, bytes))
        .onSuccess(
            v -> {
              if (v.isEmpty()) {
                ctx.next();
              } else {
                ctx.fail(invalid(v));
              }
            })
        .onFailure(ctx::fail);
  }

  private static List<String> parameters(RoutingContext ctx, ApiDescription.Found found) {
    List<String> out = new ArrayList<>();
    for (ApiDescription.Parameter p : found.operation().parameters()) {
      String value =
          switch (p.in()) {
            case "path" -> found.pathValues().get(p.name());
            case "query" -> ctx.queryParams().get(p.name());
            case "header" -> ctx.request().getHeader(p.name());
            default -> null;
          };
      String label = p.in() + " parameter " + p.name();
      if (value == null) {
        if (p.required()) {
          out.add(label + ": is required");
        }
        continue;
      }
      Optional<JsonNode> typed = typed(value, p.type());
      if (typed.isEmpty()) {
        out.add(
            label + ": must be " + (p.type().equals("integer") ? "an integer" : "a " + p.type()));
        continue;
      }
      messages(p.schema(), typed.get(), label, out);
    }
    return out.stream().limit(MAX_VIOLATIONS).toList();
  }

  private static Optional<JsonNode> typed(String value, String type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      return switch (type) {
        case "integer" -> Optional.of(f.numberNode(Long.parseLong(value)));
        case "number" -> Optional.of(f.numberNode(Double.parseDouble(value)));
        case "boolean" ->
            value.equals("true") || value.equals("false")
                ? Optional.of(f.booleanNode(Boolean.parseBoolean(value)))
                : Optional.empty();
        default -> Optional.of(f.textNode(value));
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<String> bodyViolations(JsonSchema schema, byte[] bytes) {
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      return List.of("body: not valid JSON");
    } catch (IOException e) {
      return List.of("body: unreadable");
    }
    List<String> out = new ArrayList<>();
    messages(schema, body, "body", out);
    return out;
  }

  private static void messages(JsonSchema schema, JsonNode value, String label, List<String> out) {
    schema.validate(value).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .limit(MAX_VIOLATIONS)
        .forEach(m -> out.add(label + " " + m));
  }

  private static ApiException invalid(List<String> violations) {
    List<String> bounded = violations.stream().limit(MAX_VIOLATIONS).toList();
    return new ApiException(
        400,
        "bad_request",
        "the request does not match the API description (GET /openapi.yaml)",
        bounded);
  }
}
