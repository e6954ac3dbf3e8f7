package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.fieldprint.protocols.model.Identity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseNextResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * The DI companion spec's DeviceSet (ns=DI;i=5001), read with bounded browse depth and node count:
 * one Browse for the devices (at most {@value #MAX_DEVICES}), one Browse of all devices' variables
 * ({@value #MAX_VARIABLES_PER_DEVICE} references per device and request), one Read of the nameplate
 * properties found. When a Browse result carries a continuation point and the step still wants more
 * (fewer than {@value #MAX_DEVICES} devices, or a device whose nameplate properties were not all
 * seen), at most {@value #MAX_BROWSE_NEXT_ROUNDS} BrowseNext rounds in total continue it within the
 * deadline. Continuation points still open after a step are released with one BrowseNext
 * (releaseContinuationPoints=true) so the server frees them before the session closes. A read that
 * stopped with a continuation point open is reported as truncated in the notes and in the evidence.
 */
final class DeviceSetRead {

  static final String SOURCE = "opcua.probe.device-set";
  static final int MAX_DEVICES = 8;
  static final int MAX_VARIABLES_PER_DEVICE = 64;
  static final int MAX_BROWSE_NEXT_ROUNDS = 2;
  private static final int DEVICE_SET = 5001;
  private static final String ORIGIN = "Browse ns=DI;i=5001 + Read";

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

  /** What one browse step found per node, and whether it stopped with a continuation point. */
  private record Browsed(List<List<ReferenceDescription>> references, boolean[] open) {}

  /** The BrowseNext rounds left for one DeviceSet read, shared by its browse steps. */
  private static final class Rounds {
    private int left = MAX_BROWSE_NEXT_ROUNDS;
  }

  static void read(
      OpcUaClient client, int diIndex, Deadline deadline, ProbeReport report, List<String> notes) {
    try {
      Rounds rounds = new Rounds();
      Browsed deviceSet =
          browse(
              client,
              List.of(new NodeId(diIndex, DEVICE_SET)),
              NodeClass.Object,
              MAX_DEVICES,
              refs -> refs.size() < MAX_DEVICES,
              rounds,
              deadline,
              notes);
      List<ReferenceDescription> devices = deviceSet.references().get(0);
      if (deviceSet.open()[0]) {
        notes.add(
            "DI DeviceSet truncated: more devices than the "
                + devices.size()
                + " read (at most "
                + MAX_DEVICES
                + ")");
      }
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
      Browsed variables =
          browse(
              client,
              deviceIds,
              NodeClass.Variable,
              MAX_VARIABLES_PER_DEVICE,
              refs -> !hasWholeNameplate(refs, diIndex),
              rounds,
              deadline,
              notes);
      List<Map<String, Object>> fields =
          readNameplates(client, diIndex, local, variables.references(), deadline);
      observe(fields, variables, diIndex, report, notes);
    } catch (ProbeStepException e) {
      notes.add("DI DeviceSet not read: " + e.getMessage());
      report.warning("DI DeviceSet not read: " + e.getMessage());
    }
  }

  private static boolean hasWholeNameplate(List<ReferenceDescription> refs, int diIndex) {
    Set<String> seen = new HashSet<>();
    for (ReferenceDescription v : refs) {
      if (v.getBrowseName().namespaceIndex().intValue() == diIndex) {
        seen.add(v.getBrowseName().name());
      }
    }
    return seen.containsAll(PROPERTIES);
  }

  /**
   * Browses {@code nodes} at most {@code max} references per node and request; continues the nodes
   * that {@code wantsMore} while rounds are left, then releases the continuation points still open.
   */
  private static Browsed browse(
      OpcUaClient client,
      List<NodeId> nodes,
      NodeClass nodeClass,
      int max,
      Predicate<List<ReferenceDescription>> wantsMore,
      Rounds rounds,
      Deadline deadline,
      List<String> notes)
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
    ByteString[] points = new ByteString[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      out.add(new ArrayList<>());
    }
    collect(response.getResults(), indices(nodes.size()), max, out, points);
    continueWhileWanted(client, max, wantsMore, rounds, deadline, notes, out, points);
    boolean[] open = new boolean[points.length];
    for (int i = 0; i < points.length; i++) {
      open[i] = points[i] != null;
    }
    release(client, points, deadline, notes);
    return new Browsed(out, open);
  }

  private static void continueWhileWanted(
      OpcUaClient client,
      int max,
      Predicate<List<ReferenceDescription>> wantsMore,
      Rounds rounds,
      Deadline deadline,
      List<String> notes,
      List<List<ReferenceDescription>> out,
      ByteString[] points) {
    while (rounds.left > 0 && !deadline.expired()) {
      List<Integer> wanted = new ArrayList<>();
      for (int i = 0; i < points.length; i++) {
        if (points[i] != null && wantsMore.test(out.get(i))) {
          wanted.add(i);
        }
      }
      if (wanted.isEmpty()) {
        return;
      }
      rounds.left--;
      List<ByteString> continuing = wanted.stream().map(i -> points[i]).toList();
      try {
        BrowseNextResponse next =
            OpcUaProbe.await(client.browseNextAsync(false, continuing), deadline);
        wanted.forEach(i -> points[i] = null);
        collect(next.getResults(), wanted, max, out, points);
      } catch (ProbeStepException e) {
        // the server dropped or never honoured them; nothing is left to release
        wanted.forEach(i -> points[i] = null);
        notes.add("DI DeviceSet truncated: BrowseNext failed: " + e.getMessage());
        return;
      }
    }
  }

  /** Appends the results for the nodes {@code at}, at most {@code max} references each. */
  private static void collect(
      BrowseResult[] results,
      List<Integer> at,
      int max,
      List<List<ReferenceDescription>> out,
      ByteString[] points) {
    for (int j = 0; j < at.size(); j++) {
      BrowseResult result = results != null && j < results.length ? results[j] : null;
      if (result == null) {
        continue;
      }
      ReferenceDescription[] refs = result.getReferences();
      if (refs != null) {
        out.get(at.get(j)).addAll(List.of(refs).subList(0, Math.min(refs.length, max)));
      }
      ByteString point = result.getContinuationPoint();
      points[at.get(j)] = point == null || point.isNullOrEmpty() ? null : point;
    }
  }

  /** One BrowseNext releasing every point still open; a failure only costs a note. */
  private static void release(
      OpcUaClient client, ByteString[] points, Deadline deadline, List<String> notes) {
    List<ByteString> open = Arrays.stream(points).filter(Objects::nonNull).toList();
    if (open.isEmpty()) {
      return;
    }
    try {
      OpcUaProbe.await(client.browseNextAsync(true, open), deadline);
    } catch (ProbeStepException e) {
      notes.add("DI DeviceSet continuation points not released: " + e.getMessage());
    }
  }

  private static List<Integer> indices(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  /** Reads each device's nameplate properties (the first of each name) in one Read. */
  private static List<Map<String, Object>> readNameplates(
      OpcUaClient client,
      int diIndex,
      List<ReferenceDescription> devices,
      List<List<ReferenceDescription>> variables,
      Deadline deadline)
      throws ProbeStepException {
    List<NodeId> toRead = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (int d = 0; d < variables.size(); d++) {
      Set<Integer> taken = new HashSet<>();
      for (ReferenceDescription v : variables.get(d)) {
        int property = PROPERTIES.indexOf(v.getBrowseName().name());
        if (property >= 0
            && v.getBrowseName().namespaceIndex().intValue() == diIndex
            && taken.add(property)) {
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
    return fields;
  }

  /** Observes each device with a nameplate; notes (and marks) the ones whose browse was cut. */
  private static void observe(
      List<Map<String, Object>> fields,
      Browsed variables,
      int diIndex,
      ProbeReport report,
      List<String> notes) {
    for (int d = 0; d < fields.size(); d++) {
      Map<String, Object> f = fields.get(d);
      List<ReferenceDescription> browsed = variables.references().get(d);
      boolean truncated = variables.open()[d] && !hasWholeNameplate(browsed, diIndex);
      if (truncated) {
        notes.add(
            "DI device "
                + f.get("browseName")
                + " truncated: variables beyond the first "
                + browsed.size()
                + " not browsed");
      }
      // DeviceSet also organizes objects without a nameplate (DI's DeviceFeatures folder)
      if (f.size() > 1) {
        if (truncated) {
          f.put("truncated", "variables beyond the first " + browsed.size());
        }
        report.observe(identity(f), report.evidence(SOURCE, ORIGIN, f));
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
