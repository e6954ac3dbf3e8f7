package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.fieldprint.protocols.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * The DI companion spec's DeviceSet (ns=DI;i=5001), bounded to three requests: one Browse for the
 * devices (at most {@value #MAX_DEVICES}), one Browse of all devices' variables, one Read of the
 * nameplate properties found. No BrowseNext: a server with more devices is reported as truncated.
 */
final class DeviceSetRead {

  static final String SOURCE = "opcua.probe.device-set";
  static final int MAX_DEVICES = 8;
  private static final int MAX_VARIABLES_PER_DEVICE = 64;
  private static final int DEVICE_SET = 5001;

  static final List<String> PROPERTIES =
      List.of(
          "Manufacturer",
          "Model",
          "ProductCode",
          "SerialNumber",
          "HardwareRevision",
          "SoftwareRevision",
          "DeviceRevision");

  private static final ViewDescription ENTIRE_ADDRESS_SPACE =
      new ViewDescription(NodeId.NULL_VALUE, DateTime.NULL_VALUE, uint(0));

  private DeviceSetRead() {}

  static void read(
      OpcUaClient client, int diIndex, Deadline deadline, ProbeReport report, List<String> notes) {
    try {
      List<ReferenceDescription> devices =
          browse(
                  client,
                  List.of(new NodeId(diIndex, DEVICE_SET)),
                  NodeClass.Object,
                  MAX_DEVICES,
                  deadline)
              .get(0);
      if (devices.isEmpty()) {
        notes.add("DI DeviceSet has no devices");
        return;
      }
      List<NodeId> deviceIds = new ArrayList<>();
      List<ReferenceDescription> local = new ArrayList<>();
      for (ReferenceDescription d : devices) {
        var id = d.getNodeId().toNodeId(client.getNamespaceTable());
        if (id.isPresent()) {
          deviceIds.add(id.get());
          local.add(d);
        }
      }
      List<List<ReferenceDescription>> variables =
          browse(client, deviceIds, NodeClass.Variable, MAX_VARIABLES_PER_DEVICE, deadline);
      readNameplates(client, diIndex, local, variables, deadline, report);
    } catch (ProbeStepException e) {
      notes.add("DI DeviceSet not read: " + e.getMessage());
      report.warning("DI DeviceSet not read: " + e.getMessage());
    }
  }

  private static List<List<ReferenceDescription>> browse(
      OpcUaClient client, List<NodeId> nodes, NodeClass nodeClass, int max, Deadline deadline)
      throws ProbeStepException {
    List<BrowseDescription> request = new ArrayList<>();
    for (NodeId node : nodes) {
      request.add(
          new BrowseDescription(
              node,
              BrowseDirection.Forward,
              NodeIds.HierarchicalReferences,
              true,
              uint(nodeClass.getValue()),
              uint(BrowseResultMask.All.getValue())));
    }
    BrowseResponse response =
        OpcUaProbe.await(client.browseAsync(ENTIRE_ADDRESS_SPACE, uint(max), request), deadline);
    List<List<ReferenceDescription>> out = new ArrayList<>();
    BrowseResult[] results = response.getResults();
    for (int i = 0; i < nodes.size(); i++) {
      ReferenceDescription[] refs =
          results != null && i < results.length ? results[i].getReferences() : null;
      out.add(refs == null ? List.of() : List.of(refs).subList(0, Math.min(refs.length, max)));
    }
    return out;
  }

  private static void readNameplates(
      OpcUaClient client,
      int diIndex,
      List<ReferenceDescription> devices,
      List<List<ReferenceDescription>> variables,
      Deadline deadline,
      ProbeReport report)
      throws ProbeStepException {
    List<NodeId> toRead = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (int d = 0; d < variables.size(); d++) {
      for (ReferenceDescription v : variables.get(d)) {
        int property = PROPERTIES.indexOf(v.getBrowseName().name());
        if (property >= 0 && v.getBrowseName().namespaceIndex().intValue() == diIndex) {
          var id = v.getNodeId().toNodeId(client.getNamespaceTable());
          if (id.isPresent()) {
            toRead.add(id.get());
            slots.add(new int[] {d, property});
          }
        }
      }
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    for (ReferenceDescription device : devices) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("browseName", ProbeValues.clean(device.getBrowseName().name()));
      fields.add(f);
    }
    if (!toRead.isEmpty()) {
      List<DataValue> values =
          OpcUaProbe.await(
              client.readValuesAsync(0.0, TimestampsToReturn.Neither, toRead), deadline);
      for (int i = 0; i < Math.min(values.size(), slots.size()); i++) {
        String text = ProbeValues.text(values.get(i));
        if (text != null) {
          String key = PROPERTIES.get(slots.get(i)[1]);
          fields
              .get(slots.get(i)[0])
              .put(Character.toLowerCase(key.charAt(0)) + key.substring(1), text);
        }
      }
    }
    for (Map<String, Object> f : fields) {
      // DeviceSet also organizes objects without a nameplate (DI's DeviceFeatures folder)
      if (f.size() > 1) {
        report.observe(identity(f), report.evidence(SOURCE, "Browse ns=DI;i=5001 + Read", f));
      }
    }
  }

  private static Identity identity(Map<String, Object> f) {
    Object model = f.containsKey("productCode") ? f.get("productCode") : f.get("model");
    return Identity.builder()
        .vendor((String) f.get("manufacturer"))
        .product((String) f.get("model"))
        .model((String) model)
        .serial((String) f.get("serialNumber"))
        .hardware((String) f.get("hardwareRevision"))
        .firmware((String) f.get("softwareRevision"))
        .name((String) f.get("browseName"))
        .build();
  }
}
