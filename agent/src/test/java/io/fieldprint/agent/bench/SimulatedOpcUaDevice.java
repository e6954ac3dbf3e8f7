package io.fieldprint.agent.bench;

import io.fieldprint.agent.demo.NameplateNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
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
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.ServerApplicationContext;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * An Eclipse Milo server configured as one device on its own loopback address: BuildInfo and a DI
 * DeviceSet from its {@link SimulatedIdentity}, endpoints None and Basic256Sha256 SignAndEncrypt,
 * anonymous access, a self-signed certificate for its own application URI (all devices share one
 * RSA key pair: generating 250 keys would dominate start-up). Milo's shared executor and event loop
 * serve all devices. Counts connections and messages ({@link UascMessageCounter}) and the service
 * calls outstanding at once.
 */
final class SimulatedOpcUaDevice implements AutoCloseable {

  static final String PATH = "/plc";

  private final OpcUaServer server;
  private final DeviceCounters counters;

  private SimulatedOpcUaDevice(
      String address, int port, SimulatedIdentity identity, KeyPair keyPair) throws Exception {
    this.counters = new DeviceCounters(address, "opcua");
    String uri = "urn:" + identity.vendor().split(" ")[0].toLowerCase() + ":" + identity.serial();
    X509Certificate certificate = certificate(keyPair, identity, uri, address);
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(address)
            .setBindPort(port)
            .setHostname(address)
            .setPath(PATH)
            .setCertificate(certificate)
            .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
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
    String productUri = uri + ":product";
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(uri)
            .setApplicationName(LocalizedText.english(identity.product() + " OPC UA Server"))
            .setProductUri(productUri)
            .setBuildInfo(
                new BuildInfo(
                    productUri,
                    identity.vendor(),
                    identity.product(),
                    identity.firmware(),
                    identity.build(),
                    DateTime.now()))
            .setCertificateManager(certificateManager(keyPair, certificate))
            .setIdentityValidator(new AnonymousIdentityValidator())
            .setEndpoints(endpoints)
            .build();
    OpcTcpServerTransportConfig transport =
        OpcTcpServerTransportConfig.newBuilder()
            .setChannelPipelineCustomizer(p -> p.addFirst(new UascMessageCounter(counters)))
            .build();
    this.server =
        new OpcUaServer(
            config, profile -> new CountingTransport(new OpcTcpServerTransport(transport)));
    new NameplateNamespace(
            server,
            new NameplateNamespace.Nameplate(
                identity.vendor(),
                identity.product(),
                identity.model(),
                identity.serial(),
                identity.hardware(),
                identity.firmware()))
        .startup();
    server.startup().get(30, TimeUnit.SECONDS);
  }

  static SimulatedOpcUaDevice start(
      String address, int port, SimulatedIdentity identity, KeyPair keyPair) throws Exception {
    return new SimulatedOpcUaDevice(address, port, identity, keyPair);
  }

  DeviceCounters counters() {
    return counters;
  }

  @Override
  public void close() throws IOException {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the OPC UA device", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the OPC UA device did not stop: " + e.getMessage(), e);
    }
  }

  private static X509Certificate certificate(
      KeyPair keyPair, SimulatedIdentity identity, String uri, String address) throws Exception {
    return new SelfSignedCertificateGenerator()
        .generateSelfSigned(
            keyPair,
            Date.from(Instant.now().minus(Duration.ofDays(1))),
            Date.from(Instant.now().plus(Duration.ofDays(365))),
            identity.product(),
            identity.vendor(),
            null,
            null,
            null,
            null,
            uri,
            List.of(),
            List.of(address),
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

  /** Wraps the TCP transport so that every service call is counted while it is outstanding. */
  private final class CountingTransport implements OpcServerTransport {
    private final OpcServerTransport delegate;

    CountingTransport(OpcServerTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public void bind(ServerApplicationContext context, InetSocketAddress address) throws Exception {
      delegate.bind(new CountingContext(context), address);
    }

    @Override
    public void unbind() throws Exception {
      delegate.unbind();
    }
  }

  private final class CountingContext implements ServerApplicationContext {
    private final ServerApplicationContext delegate;

    CountingContext(ServerApplicationContext delegate) {
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
      String name = request.getClass().getSimpleName();
      counters.message(name.endsWith("Request") ? name.substring(0, name.length() - 7) : name);
      counters.started();
      return delegate
          .handleServiceRequest(context, request)
          .whenComplete((response, failure) -> counters.answered());
    }
  }
}
