package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * A minimal DI namespace: DeviceSet (i=5001) with one device and its nameplate properties, plus
 * {@code lateDevices} devices whose nameplate comes after {@code fillers} other variables (serial
 * numbers {@code LATE-1}, {@code LATE-2}, ...).
 */
final class DiTestNamespace extends ManagedNamespaceWithLifecycle {

  static final String DEVICE = "CPU 1516";
  static final Map<String, Object> NAMEPLATE =
      Map.of(
          "Manufacturer", LocalizedText.english("Acme Automation"),
          "Model", LocalizedText.english("PLC 3000 CPU"),
          "ProductCode", "6ES7 516-3AN02-0AB0",
          "SerialNumber", "S C-X4U12345",
          "HardwareRevision", "3",
          "SoftwareRevision", "V2.9.4");

  private final int lateDevices;
  private final int fillers;

  DiTestNamespace(OpcUaServer server, int lateDevices, int fillers) {
    super(server, ServerIdentityRead.DI_NAMESPACE);
    this.lateDevices = lateDevices;
    this.fillers = fillers;
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  private void createNodes() {
    NodeId deviceSetId = new NodeId(getNamespaceIndex(), uint(5001));
    UaObjectNode deviceSet = object(deviceSetId, "DeviceSet");
    deviceSet.addReference(
        new Reference(deviceSetId, NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    device(deviceSet, "cpu1516", DEVICE, 0, NAMEPLATE);
    for (int i = 1; i <= lateDevices; i++) {
      Map<String, Object> nameplate = new LinkedHashMap<>(NAMEPLATE);
      nameplate.put("SerialNumber", "LATE-" + i);
      device(deviceSet, "late" + i, "IO Station " + i, fillers, nameplate);
    }
  }

  private void device(
      UaObjectNode deviceSet, String key, String name, int fillers, Map<String, Object> nameplate) {
    NodeId deviceId = new NodeId(getNamespaceIndex(), key);
    object(deviceId, name);
    deviceSet.addReference(
        new Reference(deviceSet.getNodeId(), NodeIds.HasComponent, deviceId.expanded(), true));
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < fillers; i++) {
      variables.put(String.format("Diagnostic%03d", i), "ok");
    }
    variables.putAll(nameplate);
    for (var entry : variables.entrySet()) {
      NodeId propertyId = new NodeId(getNamespaceIndex(), key + "." + entry.getKey());
      UaVariableNode property =
          new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
              .setNodeId(propertyId)
              .setBrowseName(new QualifiedName(getNamespaceIndex(), entry.getKey()))
              .setDisplayName(LocalizedText.english(entry.getKey()))
              .setDataType(
                  entry.getValue() instanceof String ? NodeIds.String : NodeIds.LocalizedText)
              .setTypeDefinition(NodeIds.PropertyType)
              .setValue(new DataValue(new Variant(entry.getValue())))
              .build();
      getNodeManager().addNode(property);
      property.addReference(
          new Reference(propertyId, NodeIds.HasProperty, deviceId.expanded(), false));
    }
  }

  private UaObjectNode object(NodeId id, String name) {
    UaObjectNode node =
        new UaObjectNode.UaObjectNodeBuilder(getNodeContext())
            .setNodeId(id)
            .setBrowseName(new QualifiedName(getNamespaceIndex(), name))
            .setDisplayName(LocalizedText.english(name))
            .setTypeDefinition(NodeIds.BaseObjectType)
            .build();
    getNodeManager().addNode(node);
    return node;
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {}

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {}

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {}

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {}
}
