package io.fieldprint.collector.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** Small administrative request bodies: a JSON object with short string fields. */
final class RequestBodies {
  static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final int MAX_NAME = 200;

  private RequestBodies() {}

  static JsonObject object(RoutingContext ctx) {
    try {
      Object parsed = ctx.body().asJsonObject();
      if (parsed == null) {
        throw ApiException.badRequest("body must be a JSON object");
      }
      return (JsonObject) parsed;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("body must be a JSON object");
    }
  }

  /** A required, non-blank string of at most 200 characters. */
  static String name(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank() || s.length() > MAX_NAME) {
      throw ApiException.badRequest(
          field + " must be a non-empty string of at most 200 characters");
    }
    return s.strip();
  }

  static String siteId(String text) {
    if (text == null || !SITE_ID.matcher(text).matches()) {
      throw ApiException.badRequest(
          "site ids are 1-64 characters of a-z 0-9 -, starting alphanumeric");
    }
    return text;
  }
}
