package io.fieldprint.collector.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP responses: {@code {"status", "error", "message", "details"}}.
 * Clients never see a stack trace or an exception message they did not cause; unexpected failures
 * are logged (without request bodies or headers) and answered with 500.
 */
final class FailureResponder {
  private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);
  private static final Map<Integer, String> CODES =
      Map.of(
          400, "bad_request",
          401, "unauthorized",
          403, "forbidden",
          404, "not_found",
          405, "method_not_allowed",
          409, "conflict",
          413, "payload_too_large",
          415, "unsupported_media_type",
          500, "internal");
  private static final Map<Integer, String> MESSAGES =
      Map.of(
          400, "the request is malformed",
          401, "a valid bearer token is required",
          403, "not allowed",
          404, "no such resource",
          405, "method not allowed on this resource",
          409, "conflict",
          413, "request body exceeds the configured limit",
          415, "send the body as application/json",
          500, "internal error");

  void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException e) {
      send(ctx, e.status(), e.code(), e.getMessage(), e.details());
      return;
    }
    int status = ctx.statusCode() > 0 && failure == null ? ctx.statusCode() : 500;
    if (status == 500) {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
    }
    send(
        ctx,
        status,
        CODES.getOrDefault(status, "error"),
        MESSAGES.getOrDefault(status, "error"),
        List.of());
  }

  static void send(
      RoutingContext ctx, int status, String code, String message, List<String> details) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("status", status)
            .put("error", code)
            .put("message", message)
            .put("details", new JsonArray(List.copyOf(details)));
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
