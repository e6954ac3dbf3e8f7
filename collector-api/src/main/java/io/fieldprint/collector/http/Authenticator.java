package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.storage.CollectorStore;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Resolves the bearer token of every {@code /api/v1} request to a {@link Principal}, or answers
 * 401. Only the token's SHA-256 is compared and stored; the token itself is never logged. A request
 * without an {@code Authorization} header over a connection with a verified client certificate is
 * an agent's ({@link ClientCertificates}).
 */
final class Authenticator {
  private static final String KEY = "fieldprint.principal";
  private static final int MAX_TOKEN = 256;

  private final CollectorStore store;
  private final Blocking blocking;
  private final ClientCertificates certificates;

  Authenticator(CollectorStore store, Blocking blocking) {
    this.store = store;
    this.blocking = blocking;
    this.certificates = new ClientCertificates(store, blocking);
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      Optional<X509Certificate> cert = ClientCertificates.presented(ctx);
      if (cert.isPresent()) {
        byCertificate(ctx, cert.get());
        return;
      }
    }
    if (header == null
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || header.length() > MAX_TOKEN + 7) {
      unauthorized(ctx);
      return;
    }
    String hash = Tokens.hash(header.substring(7).strip());
    blocking
        .run(() -> store.principalByTokenHash(hash))
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                unauthorized(ctx);
              } else {
                ctx.put(KEY, found.get());
                ctx.next();
              }
            })
        .onFailure(ctx::fail);
  }

  /** Without a bearer token, an agent may authenticate by its verified client certificate. */
  private void byCertificate(RoutingContext ctx, X509Certificate cert) {
    certificates
        .agent(cert)
        .onSuccess(
            found -> {
              if (found.agent().isEmpty()) {
                ctx.fail(new ApiException(401, "unauthorized", found.reason()));
              } else {
                ctx.put(KEY, found.agent().get());
                ctx.next();
              }
            })
        .onFailure(ctx::fail);
  }

  private static void unauthorized(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    ctx.fail(new ApiException(401, "unauthorized", "a valid bearer token is required"));
  }

  static Principal principal(RoutingContext ctx) {
    return Optional.ofNullable(ctx.<Principal>get(KEY))
        .orElseThrow(() -> new IllegalStateException("route is not behind the authenticator"));
  }

  /** The calling person or tool; agents get 403. */
  static Principal.User user(RoutingContext ctx) {
    if (principal(ctx) instanceof Principal.User u) {
      return u;
    }
    throw ApiException.forbidden("agent tokens may only post reports");
  }

  /** The calling admin; others get 403. */
  static Principal.User admin(RoutingContext ctx) {
    Principal.User u = user(ctx);
    if (!u.isAdmin()) {
      throw ApiException.forbidden("this needs the admin role");
    }
    return u;
  }
}
