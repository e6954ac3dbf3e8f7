package io.fieldprint.agent.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;

class SimulatedOpcUaServerTest {
  private static final PlantDescription.OpcUaDevice INSECURE_PLC =
      new PlantDescription.OpcUaDevice(
          "127.0.0.31",
          "test-plc",
          "Demo Automation GmbH",
          "DA-PLC 5100",
          "DA5-5100-0AB0",
          "V2.3.1",
          "3",
          "DA51-TEST",
          true,
          true,
          false);

  @Test
  void anAnonymousClientReadsTheNameplateButCannotWriteIt() throws Exception {
    try (SimulatedOpcUaServer server = SimulatedOpcUaServer.start(INSECURE_PLC)) {
      OpcUaClient client =
          OpcUaClient.create(
              server.endpointUrl(),
              endpoints ->
                  endpoints.stream()
                      .filter(e -> e.getSecurityMode() == MessageSecurityMode.None)
                      .findFirst(),
              transport -> {},
              config -> {});
      client.connect();
      try {
        UShort di = client.readNamespaceTable().getIndex(NameplateNamespace.DI_NAMESPACE);
        NodeId firmware = new NodeId(di, "device.SoftwareRevision");

        List<StatusCode> written =
            client.writeValues(List.of(firmware), List.of(new DataValue(new Variant("V9.9.9"))));

        assertTrue(written.get(0).isBad(), written.toString());
        DataValue read = client.readValue(0, TimestampsToReturn.Neither, firmware);
        assertEquals("V2.3.1", read.getValue().getValue());
      } finally {
        client.disconnect();
      }
    }
  }
}
