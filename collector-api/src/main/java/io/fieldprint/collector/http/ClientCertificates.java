package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.AgentCertificateSubject;
import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.config.Tls;
import io.fieldprint.collector.storage.AgentInfo;
import io.fieldprint.collector.storage.CollectorStore;
import io.vertx.core.Future;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Agents authenticated by a client certificate instead of a bearer token. The TLS handshake
 * verifies the certificate against {@code tls.clientCa} (chain, validity period); a certificate
 * that fails never reaches a handler. A verified certificate then names an agent by its subject
 * ({@link AgentCertificateSubject}: {@code OU} = site, {@code CN} = agent name), and that agent
 * must be registered in that site, once. The principal is the same {@link Principal.Agent} a token
 * gives, so the agent may only post reports for its own site.
 */
public final class ClientCertificates {
  private final CollectorStore store;
  private final Blocking blocking;

  ClientCertificates(CollectorStore store, Blocking blocking) {
    this.store = store;
    this.blocking = blocking;
  }

  /** Asks clients for certificates signed by the configured CA, when {@code clientAuth} says so. */
  public static void configure(HttpServerOptions options, Tls tls) {
    if (tls.clientAuth() == Tls.ClientAuth.NONE) {
      return;
    }
    options
        .setClientAuth(
            tls.clientAuth() == Tls.ClientAuth.REQUIRED ? ClientAuth.REQUIRED : ClientAuth.REQUEST)
        .setTrustOptions(
            new PemTrustOptions().addCertPath(tls.clientCa().orElseThrow().toString()));
  }

  /** The verified certificate the client presented on this connection, if any. */
  static Optional<X509Certificate> presented(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    if (connection == null || !connection.isSsl()) {
      return Optional.empty();
    }
    try {
      List<Certificate> chain = connection.peerCertificates();
      return chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate x)
          ? Optional.empty()
          : Optional.of(x);
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  /** The agent a verified certificate names, or why it names none. */
  Future<Result> agent(X509Certificate certificate) {
    AgentCertificateSubject subject = AgentCertificateSubject.of(certificate);
    if (subject instanceof AgentCertificateSubject.Rejected r) {
      return Future.succeededFuture(new Result(Optional.empty(), r.reason()));
    }
    AgentCertificateSubject.Named named = (AgentCertificateSubject.Named) subject;
    return blocking.run(
        () -> {
          List<AgentInfo> agents =
              store.agents(named.siteId()).stream()
                  .filter(a -> a.name().equals(named.agentName()))
                  .toList();
          if (agents.size() != 1) {
            return new Result(
                Optional.empty(),
                agents.isEmpty()
                    ? "the certificate names no registered agent"
                    : "the certificate names an agent name registered twice in its site");
          }
          AgentInfo a = agents.get(0);
          return new Result(Optional.of(new Principal.Agent(a.id(), a.siteId(), a.name())), "");
        });
  }

  /** The agent, or the reason there is none. */
  record Result(Optional<Principal.Agent> agent, String reason) {}
}
