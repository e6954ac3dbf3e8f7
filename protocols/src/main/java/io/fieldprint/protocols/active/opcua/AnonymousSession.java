package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.ScanTarget;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * One anonymous session on a SecurityMode None endpoint: activate, read the server's identity
 * ({@link ServerIdentityRead}), browse the DI DeviceSet ({@link DeviceSetRead}), close. Keep-alives
 * are pushed beyond the time budget; every request (also Milo's session initializer reads) passes
 * the gate through {@link GatedTransport}.
 */
final class AnonymousSession {

  /** Keep-alive interval far beyond any probe budget: Milo never sends its keep-alive Read. */
  private static final long KEEP_ALIVE_MS = 3_600_000;

  private final OutboundGate gate;
  private final Deadline deadline;
  private final Duration requestTimeout;
  private final ProbeReport report;

  AnonymousSession(
      OutboundGate gate, Deadline deadline, Duration requestTimeout, ProbeReport report) {
    this.gate = gate;
    this.deadline = deadline;
    this.requestTimeout = requestTimeout;
    this.report = report;
  }

  /**
   * The endpoint to open an anonymous session on: SecurityMode None (no client certificate needed)
   * with an Anonymous token policy, the server's highest SecurityLevel first.
   */
  static Optional<EndpointDescription> choose(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> e.getSecurityMode() == MessageSecurityMode.None)
        .filter(AnonymousSession::allowsAnonymous)
        .max(Comparator.comparingInt(e -> e.getSecurityLevel().intValue()));
  }

  static boolean allowsAnonymous(EndpointDescription e) {
    return e.getUserIdentityTokens() != null
        && Arrays.stream(e.getUserIdentityTokens())
            .anyMatch(t -> t.getTokenType() == UserTokenType.Anonymous);
  }

  /**
   * Activates the session, reads and closes. Returns whether the session was activated; {@code
   * notes} gets the reason when a step failed.
   */
  boolean run(EndpointDescription advertised, List<String> notes) {
    ScanTarget target = report.target();
    EndpointDescription endpoint = EndpointUtil.updateUrl(advertised, target.host(), target.port());
    OpcUaClient client;
    try {
      client =
          new OpcUaClient(
              config(endpoint),
              new GatedTransport(OpcUaProbe.tcp(deadline, requestTimeout), gate, target, deadline));
    } catch (RuntimeException e) {
      notes.add("cannot configure the session: " + e.getMessage());
      return false;
    }
    try {
      OpcUaProbe.await(client.connectAsync(), deadline);
    } catch (ProbeStepException e) {
      notes.add("anonymous session not activated: " + e.getMessage());
      report.warning("anonymous session not activated: " + e.getMessage());
      OpcUaProbe.closeQuietly(client.disconnectAsync(), deadline);
      return false;
    }
    try {
      ServerIdentityRead.read(client, deadline, report)
          .ifPresent(diIndex -> DeviceSetRead.read(client, diIndex, deadline, report, notes));
    } catch (ProbeStepException e) {
      notes.add("reading the server identity failed: " + e.getMessage());
      report.warning("reading the server identity failed: " + e.getMessage());
    } finally {
      OpcUaProbe.closeQuietly(client.disconnectAsync(), deadline);
    }
    return true;
  }

  private OpcUaClientConfig config(EndpointDescription endpoint) {
    return OpcUaClientConfig.builder()
        .setEndpoint(endpoint)
        .setApplicationName(LocalizedText.english(OpcUaProbe.APPLICATION_NAME))
        .setApplicationUri(OpcUaProbe.APPLICATION_URI)
        .setProductUri(OpcUaProbe.PRODUCT_URI)
        .setSessionName(() -> OpcUaProbe.APPLICATION_NAME + " inventory scan")
        .setIdentityProvider(new AnonymousProvider())
        .setRequestTimeout(uint(requestTimeout.toMillis()))
        .setSessionTimeout(uint(Math.max(60_000, deadline.remaining().toMillis())))
        .setKeepAliveInterval(uint(KEEP_ALIVE_MS))
        .build();
  }
}
