package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.opcua.EndpointDescription;
import io.fieldprint.protocols.opcua.OpcUaPostureRule;
import io.fieldprint.protocols.opcua.OpcUaPostureRules;
import io.fieldprint.protocols.opcua.PostureFinding;
import io.fieldprint.protocols.x509.CertificateChain;
import io.fieldprint.protocols.x509.CertificateDecoder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.FindServersResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.GetEndpointsResponse;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;

/**
 * Actively fingerprints one OPC UA server, read-only, inside the scan safety envelope.
 *
 * <p>Per target: session-less GetEndpoints and FindServers; the posture rules on what the server
 * offers (at probe time); then, if an endpoint with SecurityMode None accepts anonymous users, an
 * anonymous session as application "fieldprint" ({@value #APPLICATION_URI}) that reads BuildInfo,
 * ServerStatus and NamespaceArray, browses the DI DeviceSet (bounded) and closes. Every request
 * Milo sends goes through the {@link OutboundGate} ({@link GatedTransport}); the whole probe ends
 * within its time budget. Never writes, calls methods or subscribes.
 */
public final class OpcUaProbe {

  public static final String APPLICATION_NAME = "fieldprint";
  public static final String APPLICATION_URI = "urn:fieldprint:scanner";
  public static final String PRODUCT_URI = "https://github.com/fieldprint/fieldprint";

  static final String SOURCE_ENDPOINTS = "opcua.probe.get-endpoints";

  private final OutboundGate gate;
  private final Duration budget;
  private final Duration requestTimeout;
  private final InstantSource clock;

  /**
   * @param gate the scan's gate; admits every request
   * @param budget hard time budget per target (e.g. 20 s)
   * @param requestTimeout timeout of one request (use the gate's {@code ScanLimits.requestTimeout})
   */
  public OpcUaProbe(
      OutboundGate gate, Duration budget, Duration requestTimeout, InstantSource clock) {
    this.gate = gate;
    this.budget = budget;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /**
   * Probes {@code target} (an {@code opc.tcp} target) and reports about {@code subject} into {@code
   * sink}. Never throws for network or device trouble: the result and a sink warning say why.
   */
  public OpcUaProbeResult probe(ScanTarget target, DeviceRef subject, ObservationSink sink) {
    if (target.protocol() != ScanProtocol.OPC_UA) {
      throw new IllegalArgumentException("not an OPC UA target: " + target);
    }
    Deadline deadline = new Deadline(clock, budget);
    ProbeReport report = new ProbeReport(target, subject, sink, clock);
    List<org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription> milo;
    try {
      milo = discover(target, deadline, report);
    } catch (ProbeStepException e) {
      report.warning("GetEndpoints failed: " + e.getMessage());
      return new OpcUaProbeResult.Unreachable(e.getMessage());
    }
    List<EndpointDescription> endpoints = EndpointConversion.endpoints(milo);
    reportMalformedCertificates(endpoints, report);
    List<PostureFinding> posture = OpcUaPostureRules.evaluate(endpoints, clock.instant());
    Evidence evidence =
        report.evidence(SOURCE_ENDPOINTS, "GetEndpoints", endpointFields(endpoints));
    report.observe(Identity.NONE, evidence);
    List<String> notes = new ArrayList<>();
    var chosen = AnonymousSession.choose(milo);
    boolean anonymous = false;
    if (chosen.isEmpty()) {
      notes.add("no endpoint with SecurityMode None accepts anonymous users");
    } else if (deadline.expired()) {
      notes.add("time budget exhausted before the session");
    } else {
      anonymous =
          new AnonymousSession(gate, deadline, requestTimeout, report).run(chosen.get(), notes);
    }
    for (PostureFinding f : posture) {
      if (anonymous
          && f.rule() == OpcUaPostureRule.ANONYMOUS_ACCESS
          && f.subjectKey().equals(chosen.get().getEndpointUrl())) {
        f = confirmed(f);
      }
      report.finding(f, evidence);
    }
    return new OpcUaProbeResult.Probed(endpoints.size(), anonymous, notes);
  }

  /** A server certificate that does not decode gives no posture finding: say so once. */
  private static void reportMalformedCertificates(
      List<EndpointDescription> endpoints, ProbeReport report) {
    Set<String> seen = new HashSet<>();
    for (EndpointDescription e : endpoints) {
      byte[] der = e.serverCertificate();
      if (der != null
          && der.length > 0
          && CertificateDecoder.decode(der) instanceof CertificateChain.Malformed m
          && seen.add(m.reason())) {
        report.warning(
            "server certificate of endpoint "
                + e.endpointUrl()
                + " does not decode: "
                + m.reason());
      }
    }
  }

  /** The advertised-anonymous finding, confirmed by the session fieldprint activated. */
  static PostureFinding confirmed(PostureFinding advertised) {
    return new PostureFinding(
        advertised.rule(),
        advertised.subjectKey(),
        advertised.detail()
            + "; confirmed: fieldprint activated an anonymous session and read the server's"
            + " BuildInfo");
  }

  private List<org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription> discover(
      ScanTarget target, Deadline deadline, ProbeReport report) throws ProbeStepException {
    String url = target.uri();
    var none =
        new org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription(
            url,
            null,
            null,
            MessageSecurityMode.None,
            SecurityPolicy.None.getUri(),
            null,
            Stack.TCP_UASC_UABINARY_TRANSPORT_URI,
            ubyte(0));
    GatedTransport transport = new GatedTransport(tcp(deadline), gate, target, deadline);
    DiscoveryClient client = new DiscoveryClient(none, transport);
    try {
      await(client.connectAsync(), deadline);
      GetEndpointsResponse endpoints =
          await(client.getEndpoints(url, new String[0], new String[0]), deadline);
      if (endpoints.getEndpoints() == null || endpoints.getEndpoints().length == 0) {
        throw new ProbeStepException("the server described no endpoints");
      }
      findServers(client, url, deadline, report);
      return List.of(endpoints.getEndpoints());
    } finally {
      closeQuietly(client.disconnectAsync(), deadline);
    }
  }

  private static void findServers(
      DiscoveryClient client, String url, Deadline deadline, ProbeReport report) {
    try {
      FindServersResponse servers =
          await(client.findServers(url, new String[0], new String[0]), deadline);
      List<Object> list = new ArrayList<>();
      var found = servers.getServers();
      for (int i = 0;
          found != null && i < Math.min(found.length, EndpointConversion.MAX_ENDPOINTS);
          i++) {
        list.add(EndpointConversion.application(found[i]).fields());
      }
      report.observe(
          Identity.NONE,
          report.evidence("opcua.probe.find-servers", "FindServers", Map.of("servers", list)));
    } catch (ProbeStepException e) {
      report.warning("FindServers failed: " + e.getMessage());
    }
  }

  OpcTcpClientTransport tcp(Deadline deadline) {
    return tcp(deadline, requestTimeout);
  }

  /** A plain Milo TCP transport whose connect and acknowledge timeouts fit the budget. */
  static OpcTcpClientTransport tcp(Deadline deadline, Duration requestTimeout) {
    long ms = Math.max(1, Math.min(deadline.remaining().toMillis(), requestTimeout.toMillis()));
    return new OpcTcpClientTransport(
        OpcTcpClientTransportConfig.newBuilder()
            .setConnectTimeout(uint(ms))
            .setAcknowledgeTimeout(uint(ms))
            .build());
  }

  /** Waits for {@code future} at most until the deadline. */
  static <T> T await(CompletableFuture<T> future, Deadline deadline) throws ProbeStepException {
    try {
      return future.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ProbeStepException("time budget exhausted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ProbeStepException(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeStepException("interrupted");
    }
  }

  /** Waits for a disconnect; a failure is irrelevant (the transport is gone either way). */
  static void closeQuietly(CompletableFuture<?> close, Deadline deadline) {
    try {
      close.get(Math.max(deadline.remaining().toMillis(), 1000), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close.cancel(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> endpointFields(List<EndpointDescription> endpoints) {
    Map<String, Object> f = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    for (EndpointDescription e : endpoints) {
      Map<String, Object> one = new LinkedHashMap<>(e.fields());
      if (e.server() != null) {
        one.put("server", e.server().fields());
      }
      list.add(one);
    }
    f.put("endpoints", list);
    return f;
  }
}
