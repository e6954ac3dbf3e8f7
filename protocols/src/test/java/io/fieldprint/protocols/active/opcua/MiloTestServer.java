package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.active.OpcUaService;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseNextRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A real Eclipse Milo server on loopback, configured like a device: BuildInfo, endpoints None and
 * Basic256Sha256 SignAndEncrypt, a self-signed certificate (optionally expired), anonymous access
 * on or off. Records the service requests it receives (server side) so tests can prove what the
 * probe sent.
 */
public final class MiloTestServer implements AutoCloseable {

  static final String MANUFACTURER = "Acme Automation";
  static final String PRODUCT = "Acme PLC 3000";
  static final String VERSION = "4.2.1";
  static final String APPLICATION_URI = "urn:acme:plc3000";

  private final OpcUaServer server;
  private final int port;
  private final List<String> received = new ArrayList<>();

  private MiloTestServer(
      boolean anonymous, boolean expiredCertificate, int lateDevices, int fillers)
      throws Exception {
    this.port = freePort();
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate certificate = certificate(keyPair, expiredCertificate);
    UserTokenPolicy token =
        anonymous
            ? OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS
            : OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1")
            .setBindPort(port)
            .setHostname("plc-hall-3.example")
            .setPath("/acme")
            .setCertificate(certificate)
            .addTokenPolicy(token);
    Set<EndpointConfig> endpoints =
        Set.of(
            base.copy()
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .build(),
            base.copy()
                .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                .build());
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(APPLICATION_URI)
            .setApplicationName(LocalizedText.english("Acme PLC 3000 OPC UA Server"))
            .setProductUri("urn:acme:plc3000:product")
            .setBuildInfo(
                new BuildInfo(
                    "urn:acme:plc3000:product",
                    MANUFACTURER,
                    PRODUCT,
                    VERSION,
                    "1234",
                    DateTime.now()))
            .setCertificateManager(certificateManager(keyPair, certificate))
            .setIdentityValidator(
                anonymous
                    ? new AnonymousIdentityValidator()
                    : new UsernameIdentityValidator(challenge -> false))
            .setEndpoints(endpoints)
            .build();
    this.server =
        new OpcUaServer(
            config,
            profile ->
                new RecordingTransport(
                    new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build())));
    new DiTestNamespace(server, lateDevices, fillers).startup();
    server.startup().get(10, TimeUnit.SECONDS);
  }

  public static MiloTestServer start(boolean anonymous) throws Exception {
    return new MiloTestServer(anonymous, false, 0, 0);
  }

  /**
   * A server whose DeviceSet also holds {@code lateDevices} devices whose nameplate follows {@code
   * fillers} other variables.
   */
  public static MiloTestServer startWithLateNameplates(int lateDevices, int fillers)
      throws Exception {
    return new MiloTestServer(true, false, lateDevices, fillers);
  }

  public static MiloTestServer startWithExpiredCertificate() throws Exception {
    return new MiloTestServer(true, true, 0, 0);
  }

  public int port() {
    return port;
  }

  /** The Part 4 service names of every request the server received, in order. */
  synchronized List<String> receivedServices() {
    return List.copyOf(received);
  }

  private synchronized void record(UaRequestMessageType request) {
    String name = request.getClass().getSimpleName();
    if (request instanceof BrowseNextRequest next
        && Boolean.TRUE.equals(next.getReleaseContinuationPoints())) {
      received.add("BrowseNext (release)");
      return;
    }
    received.add(name.endsWith("Request") ? name.substring(0, name.length() - 7) : name);
  }

  @Override
  public void close() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
  }

  /** A port free a moment ago (Milo's TCP transport does not report the port it bound). */
  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static X509Certificate certificate(KeyPair keyPair, boolean expired) throws Exception {
    Instant notBefore = Instant.now().minus(Duration.ofDays(expired ? 800 : 1));
    Instant notAfter =
        expired
            ? Instant.now().minus(Duration.ofDays(30))
            : Instant.now().plus(Duration.ofDays(365));
    return new SelfSignedCertificateGenerator()
        .generateSelfSigned(
            keyPair,
            Date.from(notBefore),
            Date.from(notAfter),
            "Acme PLC 3000",
            "Acme",
            null,
            null,
            null,
            null,
            APPLICATION_URI,
            List.of("localhost"),
            List.of("127.0.0.1"),
            "SHA256withRSA");
  }

  private static CertificateManager certificateManager(KeyPair keyPair, X509Certificate certificate)
      throws Exception {
    MemoryTrustListManager trustList = new MemoryTrustListManager();
    MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
    RsaSha256CertificateFactory factory =
        new RsaSha256CertificateFactory() {
          @Override
          public KeyPair createKeyPair(NodeId certificateTypeId) {
            return keyPair;
          }

          @Override
          protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
            return new X509Certificate[] {certificate};
          }
        };
    DefaultApplicationGroup group =
        DefaultApplicationGroup.createAndInitialize(
            trustList,
            new MemoryCertificateStore(),
            factory,
            new DefaultServerCertificateValidator(trustList, quarantine));
    return new DefaultCertificateManager(quarantine, group);
  }

  /** Server-side hook: records each service request before the server handles it. */
  private final class RecordingTransport implements OpcServerTransport {
    private final OpcServerTransport delegate;

    RecordingTransport(OpcServerTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public void bind(ServerApplicationContext context, InetSocketAddress address) throws Exception {
      delegate.bind(new RecordingContext(context), address);
    }

    @Override
    public void unbind() throws Exception {
      delegate.unbind();
    }
  }

  private final class RecordingContext implements ServerApplicationContext {
    private final ServerApplicationContext delegate;

    RecordingContext(ServerApplicationContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<EndpointDescription> getEndpointDescriptions() {
      return delegate.getEndpointDescriptions();
    }

    @Override
    public CertificateManager getCertificateManager() {
      return delegate.getCertificateManager();
    }

    @Override
    public EncodingContext getEncodingContext() {
      return delegate.getEncodingContext();
    }

    @Override
    public Long getNextSecureChannelId() {
      return delegate.getNextSecureChannelId();
    }

    @Override
    public Long getNextSecureChannelTokenId() {
      return delegate.getNextSecureChannelTokenId();
    }

    @Override
    public CompletableFuture<UaResponseMessageType> handleServiceRequest(
        ServiceRequestContext context, UaRequestMessageType request) {
      record(request);
      return delegate.handleServiceRequest(context, request);
    }
  }

  static boolean isWriteLike(String service) {
    return !Set.of(
            OpcUaService.GET_ENDPOINTS,
            OpcUaService.FIND_SERVERS,
            OpcUaService.CREATE_SESSION,
            OpcUaService.ACTIVATE_SESSION,
            OpcUaService.CLOSE_SESSION,
            OpcUaService.READ,
            OpcUaService.BROWSE,
            OpcUaService.BROWSE_NEXT,
            OpcUaService.TRANSLATE_BROWSE_PATHS_TO_NODE_IDS)
        .stream()
        .map(OpcUaService::serviceName)
        .toList()
        .contains(service.replace(" (release)", ""));
  }
}
