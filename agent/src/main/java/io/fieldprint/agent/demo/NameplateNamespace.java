package io.fieldprint.agent.demo;

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
 * The OPC UA DI namespace of a simulated device: DeviceSet (i=5001) with one device and its
 * nameplate properties (OPC 10000-100, 4.5.2). Properties are read-only (Milo's default access
 * level is CurrentRead). Used by the demo plant and by the scan benchmark's plant.
 */
public final class NameplateNamespace extends ManagedNamespaceWithLifecycle {
  public static final String DI_NAMESPACE = "http://opcfoundation.org/UA/DI/";

  /**
   * The nameplate a device shows; the device node is named after {@code model}.
   *
   * @param softwareRevision {@code null} when the device does not tell its firmware
   */
  public record Nameplate(
      String manufacturer,
      String model,
      String productCode,
      String serialNumber,
      String hardwareRevision,
      String softwareRevision) {}

  private final Nameplate device;

  public NameplateNamespace(OpcUaServer server, Nameplate device) {
    super(server, DI_NAMESPACE);
    this.device = device;
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  private Map<String, Object> nameplate() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Manufacturer", LocalizedText.english(device.manufacturer()));
    out.put("Model", LocalizedText.english(device.model()));
    out.put("ProductCode", device.productCode());
    out.put("SerialNumber", device.serialNumber());
    out.put("HardwareRevision", device.hardwareRevision());
    if (device.softwareRevision() != null) {
      out.put("SoftwareRevision", device.softwareRevision());
    }
    return out;
  }

  private void createNodes() {
    NodeId deviceSetId = new NodeId(getNamespaceIndex(), uint(5001));
    UaObjectNode deviceSet = object(deviceSetId, "DeviceSet");
    deviceSet.addReference(
        new Reference(deviceSetId, NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    NodeId deviceId = new NodeId(getNamespaceIndex(), "device");
    object(deviceId, device.model());
    deviceSet.addReference(
        new Reference(deviceSetId, NodeIds.HasComponent, deviceId.expanded(), true));
    for (var entry : nameplate().entrySet()) {
      NodeId propertyId = new NodeId(getNamespaceIndex(), "device." + entry.getKey());
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
