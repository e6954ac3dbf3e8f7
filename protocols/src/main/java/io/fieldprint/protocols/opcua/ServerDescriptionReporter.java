package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.x509.CertificateChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports what a server says about itself: its endpoint set (GetEndpoints, CreateSession), the
 * servers a discovery server lists (FindServers) and the ServerStatus / BuildInfo it returns to
 * reads. Evaluates the endpoint posture rules at the capture time.
 */
final class ServerDescriptionReporter {
  private final Emitter emitter;
  private final CertificateCache certificates;
  private String serverApplicationUri;
  private String helloHost;

  ServerDescriptionReporter(Emitter emitter, CertificateCache certificates) {
    this.emitter = emitter;
    this.certificates = certificates;
  }

  /** The EndpointUrl of the connection's HEL: how the client named the server. */
  void helloUrl(String endpointUrl) {
    helloHost = ApplicationIdentity.hostOf(endpointUrl);
  }

  /**
   * An endpoint list the server sent about itself. Emitted once per distinct endpoint set and
   * message kind; findings once per rule and subject.
   */
  void endpoints(
      PduContext ctx,
      String source,
      List<EndpointDescription> endpoints,
      Map<String, Object> extra) {
    DeviceRef server = ctx.sender().device();
    ApplicationDescription app = firstServer(endpoints);
    Map<String, Object> f = app == null ? new LinkedHashMap<>() : app.fields();
    f.putAll(extra);
    f.put("endpointCount", endpoints.size());
    List<Object> described = new ArrayList<>();
    Map<String, Object> certificateFields = new LinkedHashMap<>();
    for (EndpointDescription e : endpoints) {
      Map<String, Object> ef = e.fields();
      if (e.serverCertificate() != null && e.serverCertificate().length > 0) {
        CertificateChain chain = certificates.apply(e.serverCertificate());
        String sha1 = ApplicationIdentity.thumbprint(chain);
        ef.put("serverCertificateSha1", sha1 == null ? "malformed" : sha1);
        certificateFields.putIfAbsent(
            sha1 == null ? "malformed" : sha1, ApplicationIdentity.certificateFields(chain));
      }
      described.add(ef);
    }
    f.put("endpoints", described);
    if (!certificateFields.isEmpty()) {
      f.put("certificates", new ArrayList<>(certificateFields.values()));
    }
    Identity identity = Identity.NONE;
    if (app != null) {
      serverApplicationUri = app.applicationUri();
      identity = ApplicationIdentity.of(app);
    }
    Evidence evidence = Emitter.evidence(ctx, source, f);
    emitter.observeOnce(
        ctx, server, identity, Authority.DEVICE_REPORTED, evidence, described.toString());
    emitter.findings(
        ctx,
        server,
        OpcUaPostureRules.evaluate(endpoints, ctx.timestamp(), certificates),
        evidence);
  }

  private static ApplicationDescription firstServer(List<EndpointDescription> endpoints) {
    for (EndpointDescription e : endpoints) {
      if (e.server() != null
          && (e.server().applicationUri() != null || e.server().nameText() != null)) {
        return e.server();
      }
    }
    return null;
  }

  /**
   * FindServers: the responder lists itself and the servers registered with it. An entry is
   * attributed to the responder when its ApplicationUri is the responder's own (learned from its
   * endpoints on this connection), as a peer statement about the responder's host when a
   * DiscoveryUrl names that host (loopback, the responder's IP or the HEL host), and as a peer
   * statement about another device when a DiscoveryUrl names it by IP address. Entries known only
   * by a host name stay in the responder's list: a name cannot be tied to an address passively.
   */
  void findServers(PduContext ctx, FindServersResponse response) {
    DeviceRef responder = ctx.sender().device();
    List<Object> listed = new ArrayList<>();
    for (ApplicationDescription app : response.servers()) {
      listed.add(app.fields());
      attribute(ctx, app);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("serverCount", response.servers().size());
    f.put("servers", listed);
    Evidence e = Emitter.evidence(ctx, "opcua.find-servers-response", f);
    emitter.observeOnce(
        ctx, responder, Identity.NONE, Authority.DEVICE_REPORTED, e, listed.toString());
  }

  private void attribute(PduContext ctx, ApplicationDescription app) {
    String responderIp = ctx.sender().ip();
    Map<String, Object> f = app.fields();
    f.put("listedBy", responderIp);
    if (app.applicationUri() != null && app.applicationUri().equals(serverApplicationUri)) {
      f.put("placement", "responder");
      observeListed(ctx, ctx.sender().device(), app, Authority.DEVICE_REPORTED, f);
      return;
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String url : app.discoveryUrls()) {
      String host = ApplicationIdentity.hostOf(url);
      if (host != null) {
        hosts.add(host);
      }
    }
    for (String host : hosts) {
      if (ApplicationIdentity.isLoopbackName(host)
          || host.equals(responderIp)
          || host.equals(helloHost)) {
        f.put("placement", "responder-host");
        observeListed(ctx, ctx.sender().device(), app, Authority.PEER_REPORTED, f);
        return;
      }
    }
    for (String host : hosts) {
      if (ApplicationIdentity.isIpLiteral(host) && !host.startsWith("[")) {
        f.put("placement", "other-host");
        observeListed(ctx, new DeviceRef(null, host), app, Authority.PEER_REPORTED, f);
        return;
      }
    }
  }

  private void observeListed(
      PduContext ctx,
      DeviceRef subject,
      ApplicationDescription app,
      Authority authority,
      Map<String, Object> f) {
    Evidence e = Emitter.evidence(ctx, "opcua.find-servers-entry", f);
    emitter.observeOnce(ctx, subject, ApplicationIdentity.of(app), authority, e, f.toString());
  }

  /** Values read from Server_ServerStatus and its children. */
  void serverStatus(PduContext ctx, ServerStatusReading reading) {
    Map<String, Object> f = reading.fields();
    Identity identity = ApplicationIdentity.of(reading.buildInfo());
    Evidence e = Emitter.evidence(ctx, "opcua.server-status", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), identity, Authority.DEVICE_REPORTED, e, reading.stableKey());
  }
}
