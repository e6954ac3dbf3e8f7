package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.model.Identity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.ServerState;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * One Read of the Server object's identity: NamespaceArray (i=2255), ServerStatus StartTime,
 * CurrentTime and State (i=2257, 2258, 2259) and the BuildInfo children (i=2261..2266), read as
 * scalars rather than the structures (some servers leave the structures stale).
 */
final class ServerIdentityRead {

  static final String SOURCE = "opcua.probe.build-info";
  static final String REQUEST = "Read i=2255,2257..2259,2261..2266";
  static final String DI_NAMESPACE = "http://opcfoundation.org/UA/DI/";

  private static final List<NodeId> NODES =
      List.of(
          NodeIds.Server_NamespaceArray,
          NodeIds.Server_ServerStatus_StartTime,
          NodeIds.Server_ServerStatus_CurrentTime,
          NodeIds.Server_ServerStatus_State,
          NodeIds.Server_ServerStatus_BuildInfo_ProductName,
          NodeIds.Server_ServerStatus_BuildInfo_ProductUri,
          NodeIds.Server_ServerStatus_BuildInfo_ManufacturerName,
          NodeIds.Server_ServerStatus_BuildInfo_SoftwareVersion,
          NodeIds.Server_ServerStatus_BuildInfo_BuildNumber,
          NodeIds.Server_ServerStatus_BuildInfo_BuildDate);

  private static final List<String> FIELDS =
      List.of(
          "namespaceArray",
          "startTime",
          "currentTime",
          "state",
          "productName",
          "productUri",
          "manufacturerName",
          "softwareVersion",
          "buildNumber",
          "buildDate");

  private ServerIdentityRead() {}

  /**
   * Reads, reports the build-info observation and returns the DI namespace index if the server has
   * the DI namespace.
   */
  static Optional<Integer> read(OpcUaClient client, Deadline deadline, ProbeReport report)
      throws ProbeStepException {
    List<DataValue> values =
        OpcUaProbe.await(client.readValuesAsync(0.0, TimestampsToReturn.Neither, NODES), deadline);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(values.size(), FIELDS.size()); i++) {
      Object v = ProbeValues.value(values.get(i));
      if (v != null) {
        fields.put(FIELDS.get(i), v);
      }
    }
    if (fields.get("state") instanceof Integer state) {
      ServerState named = ServerState.from(state);
      fields.put("state", named == null ? state : named.name());
    }
    Identity identity =
        Identity.builder()
            .vendor(text(fields, "manufacturerName"))
            .product(text(fields, "productName"))
            .firmware(text(fields, "softwareVersion"))
            .build();
    report.observe(identity, report.evidence(SOURCE, REQUEST, fields));
    return diNamespaceIndex(fields.get("namespaceArray"));
  }

  static Optional<Integer> diNamespaceIndex(Object namespaceArray) {
    if (namespaceArray instanceof List<?> uris) {
      for (int i = 0; i < uris.size(); i++) {
        if (DI_NAMESPACE.equals(uris.get(i))) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Map<String, Object> fields, String key) {
    return fields.get(key) instanceof String s ? s : null;
  }
}
