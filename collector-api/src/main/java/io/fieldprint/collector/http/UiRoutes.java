package io.fieldprint.collector.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The dashboard: static HTML, CSS and ES modules from the jar under {@code /ui/}, with {@code /}
 * redirecting there. Every response carries a strict Content-Security-Policy (same origin only, no
 * inline script or style, no framing); the pages talk to {@code /api/v1} with the bearer token the
 * person signs in with.
 */
final class UiRoutes {
  /** Where the dashboard's files live on the class path. */
  static final String WEB_ROOT = "io/fieldprint/collector/dashboard";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private UiRoutes() {}

  static void mount(Router router) {
    router.get("/").handler(ctx -> redirect(ctx, "/ui/"));
    router
        .route("/ui/*")
        .handler(UiRoutes::securityHeaders)
        .handler(
            StaticHandler.create(WEB_ROOT)
                .setIndexPage("index.html")
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setDefaultContentEncoding("UTF-8"));
  }

  static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cache-Control", "no-cache");
    ctx.next();
  }

  private static void redirect(RoutingContext ctx, String to) {
    ctx.response()
        .setStatusCode(302)
        .putHeader("Location", to)
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .end();
  }
}
