package io.fieldprint.collector.http;

import io.fieldprint.collector.config.RequestLimits;
import io.fieldprint.collector.storage.AssetQuery;
import io.fieldprint.collector.storage.AssetSort;
import io.fieldprint.collector.storage.DashboardStore.AssetSummary;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /sites/{site}/assets}: filters, sort and page, each checked
 * (400 with the reason otherwise), and the summary shown beside each listed asset.
 */
final class AssetListing {
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_TEXT = 200;
  private static final Pattern PROTOCOL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private AssetListing() {}

  static AssetQuery query(RoutingContext ctx, RequestLimits limits) {
    Optional<String> protocol = text(ctx, "protocol");
    if (protocol.isPresent() && !PROTOCOL.matcher(protocol.get()).matches()) {
      throw ApiException.badRequest("protocol is 1-64 characters of A-Z a-z 0-9 _ . -");
    }
    AssetSort sort =
        text(ctx, "sort")
            .map(
                s ->
                    AssetSort.parse(s)
                        .orElseThrow(
                            () ->
                                ApiException.badRequest(
                                    "sort is one of "
                                        + AssetSort.accepted()
                                        + ", with a leading - for descending")))
            .orElse(AssetSort.BY_ID);
    return new AssetQuery(
        text(ctx, "vendor"),
        text(ctx, "role"),
        text(ctx, "q"),
        protocol,
        bool(ctx, "hasMatch"),
        bool(ctx, "kev").orElse(false),
        text(ctx, "finding"),
        sort,
        number(ctx, "limit", DEFAULT_PAGE, 1, limits.maxPageSize()),
        number(ctx, "offset", 0, 0, Integer.MAX_VALUE));
  }

  static JsonObject summary(AssetSummary s) {
    return new JsonObject()
        .put("matches", s.matches())
        .put("openMatches", s.openMatches())
        .put("maxCvss", s.maxCvss().orElse(null))
        .put("kev", s.kev())
        .put("findings", s.findings());
  }

  static JsonObject noSummary() {
    return summary(new AssetSummary(0, 0, Optional.empty(), false, 0));
  }

  private static Optional<String> text(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    if (v.length() > MAX_TEXT) {
      throw ApiException.badRequest(name + " is longer than " + MAX_TEXT + " characters");
    }
    return Optional.of(v.strip());
  }

  private static Optional<Boolean> bool(RoutingContext ctx, String name) {
    return text(ctx, name)
        .map(
            v ->
                switch (v) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw ApiException.badRequest(name + " must be true or false");
                });
  }

  private static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }
}
