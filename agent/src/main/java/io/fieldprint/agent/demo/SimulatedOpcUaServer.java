package io.fieldprint.agent.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A simulated device's OPC UA server (Eclipse Milo) on a loopback address: BuildInfo and a DI
 * nameplate from the plant description, a Basic256Sha256 SignAndEncrypt endpoint, optionally a
 * SecurityMode None endpoint and anonymous access, and a self-signed certificate (optionally
 * expired). Its address space is Milo's standard one plus read-only nameplate properties.
 */
final class SimulatedOpcUaServer implements Closeable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final OpcUaServer server;
  private final String endpointUrl;

  private SimulatedOpcUaServer(OpcUaServer server, String endpointUrl) {
    this.server = server;
    this.endpointUrl = endpointUrl;
  }

  /** Starts the server on its loopback address and a port that was free a moment before. */
  static SimulatedOpcUaServer start(PlantDescription.OpcUaDevice device) throws Exception {
    int port = freePort(device.address());
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate certificate = certificate(device, keyPair);
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(device.address())
            .setBindPort(port)
            .setHostname(device.address())
            .setPath("/")
            .setCertificate(certificate)
            .addTokenPolicy(
                device.anonymous()
                    ? OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS
                    : OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
    Set<EndpointConfig> endpoints = new HashSet<>();
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
            .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
            .build());
    if (device.securityNone()) {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(SecurityPolicy.None)
              .setSecurityMode(MessageSecurityMode.None)
              .build());
    }
    OpcUaServer server =
        new OpcUaServer(
            config(device, keyPair, certificate, endpoints),
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    new NameplateNamespace(
            server,
            new NameplateNamespace.Nameplate(
                device.vendor(),
                device.product(),
                device.orderNumber(),
                device.serial(),
                device.hardware(),
                device.firmware()))
        .startup();
    server.startup().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return new SimulatedOpcUaServer(server, "opc.tcp://" + device.address() + ":" + port + "/");
  }

  /** {@code opc.tcp://127.0.0.x:PORT/}. */
  String endpointUrl() {
    return endpointUrl;
  }

  private static OpcUaServerConfig config(
      PlantDescription.OpcUaDevice device,
      KeyPair keyPair,
      X509Certificate certificate,
      Set<EndpointConfig> endpoints)
      throws Exception {
    String uri = applicationUri(device);
    return OpcUaServerConfig.builder()
        .setApplicationUri(uri)
        .setApplicationName(LocalizedText.english(device.product() + " OPC UA Server"))
        .setProductUri(uri + ":product")
        .setBuildInfo(
            new BuildInfo(
                uri + ":product",
                device.vendor(),
                device.product(),
                device.firmware() == null ? "" : device.firmware(),
                "1",
                DateTime.now()))
        .setCertificateManager(certificateManager(keyPair, certificate))
        .setIdentityValidator(
            device.anonymous()
                ? new AnonymousIdentityValidator()
                : new UsernameIdentityValidator(challenge -> false))
        .setEndpoints(endpoints)
        .build();
  }

  private static String applicationUri(PlantDescription.OpcUaDevice device) {
    return "urn:demo:" + device.hostname().toLowerCase(Locale.ROOT);
  }

  /** Milo's TCP transport does not report the port it bound, so port 0 cannot be used directly. */
  private static int freePort(String address) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      return s.getLocalPort();
    }
  }

  private static X509Certificate certificate(PlantDescription.OpcUaDevice device, KeyPair keyPair)
      throws Exception {
    boolean expired = device.expiredCertificate();
    Instant now = Instant.now();
    Instant notBefore = now.minus(Duration.ofDays(expired ? 800 : 1));
    Instant notAfter = expired ? now.minus(Duration.ofDays(30)) : now.plus(Duration.ofDays(365));
    return new SelfSignedCertificateGenerator()
        .generateSelfSigned(
            keyPair,
            Date.from(notBefore),
            Date.from(notAfter),
            device.product(),
            device.vendor(),
            null,
            null,
            null,
            null,
            applicationUri(device),
            List.of(device.hostname()),
            List.of(device.address()),
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

  /** Stops the server, waiting up to 20 s; an interrupt stops the wait and is kept. */
  @Override
  public void close() throws IOException {
    try {
      server.shutdown().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("OPC UA server " + endpointUrl + " did not stop: " + e, e);
    }
  }
}
