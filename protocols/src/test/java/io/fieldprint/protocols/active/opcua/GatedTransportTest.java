package io.fieldprint.protocols.active.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.active.AuditRecord;
import io.fieldprint.protocols.active.OpcUaService;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.RequestPolicy;
import io.fieldprint.protocols.active.ScanLimits;
import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.active.UserTokenType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.junit.jupiter.api.Test;

class GatedTransportTest {

  private final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
  private final ScanLimits limits = ScanLimits.builder().minGap(Duration.ofMillis(100)).build();
  private final OutboundGate gate =
      new OutboundGate(limits, RequestPolicy.anonymousOnly(), InstantSource.system(), audit::add);

  @Test
  void writeThroughTheGatedTransportNeverReachesTheServer() throws Exception {
    try (MiloTestServer server = MiloTestServer.start(true)) {
      // the probe's budget starts once the server is up: a slow start on a loaded machine is not
      // the probe's time
      Deadline deadline = new Deadline(InstantSource.system(), Duration.ofSeconds(20));
      ScanTarget target =
          new ScanTarget(
              ScanProtocol.OPC_UA, "127.0.0.1", server.port(), "acme", OptionalInt.empty());
      EndpointDescription endpoint =
          EndpointUtil.updateUrl(
              AnonymousSession.choose(endpoints(server.port())).orElseThrow(),
              "127.0.0.1",
              server.port());
      OpcUaClient client =
          new OpcUaClient(
              OpcUaClientConfig.builder().setEndpoint(endpoint).build(),
              new GatedTransport(
                  OpcUaProbe.tcp(deadline, limits.requestTimeout()), gate, target, deadline));
      client.connectAsync().get(10, TimeUnit.SECONDS);

      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () ->
                  client
                      .writeValuesAsync(
                          List.of(NodeIds.Server_ServiceLevel),
                          List.of(new DataValue(Variant.ofString("x"))))
                      .get(10, TimeUnit.SECONDS));
      client.disconnectAsync().get(10, TimeUnit.SECONDS);

      assertTrue(
          refused.getCause().getMessage().contains("gate refused Write"), refused.toString());
      assertFalse(
          server.receivedServices().contains("Write"), server.receivedServices().toString());
      assertTrue(server.receivedServices().contains("CloseSession"));
      assertTrue(
          audit.stream()
              .anyMatch(r -> r.request().equals("Write") && r.decision().equals("REFUSED")));
    }
  }

  @Test
  void everyPartFourRequestClassIsNamedAsItsService() throws Exception {
    for (OpcUaService service : OpcUaService.values()) {
      Class<?> type =
          Class.forName(
              "org.eclipse.milo.opcua.stack.core.types.structured."
                  + service.serviceName()
                  + "Request");
      assertTrue(
          org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType.class.isAssignableFrom(type),
          service.serviceName());
    }
  }

  @Test
  void onlyTheAnonymousTokenEncodingCountsAsAnonymous() {
    assertEquals(
        UserTokenType.ANONYMOUS,
        RequestServices.tokenType(
            ExtensionObject.of(
                org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(
                    new byte[] {-1, -1, -1, -1}),
                NodeIds.AnonymousIdentityToken_Encoding_DefaultBinary)));
    assertEquals(
        UserTokenType.USERNAME,
        RequestServices.tokenType(
            ExtensionObject.of(
                org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(
                    new byte[] {-1, -1, -1, -1}),
                NodeIds.UserNameIdentityToken_Encoding_DefaultBinary)));
    assertEquals(UserTokenType.ISSUED_TOKEN, RequestServices.tokenType(null));
  }

  private static List<EndpointDescription> endpoints(int port) throws Exception {
    return DiscoveryClient.getEndpoints("opc.tcp://127.0.0.1:" + port + "/acme")
        .get(10, TimeUnit.SECONDS);
  }
}
