package io.fieldprint.protocols.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Joins device records that name the same device into groups (union-find over addresses). */
final class AssetGrouping {
  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, List<DeviceRecord>> groups = new LinkedHashMap<>();
  private final Set<String> routedMacs;
  private final Set<String> sharedIps;
  private final Map<DeviceKey, String> rootOfKey = new HashMap<>();

  private AssetGrouping(Set<String> routedMacs, Set<String> sharedIps) {
    this.routedMacs = routedMacs;
    this.sharedIps = sharedIps;
  }

  static AssetGrouping of(
      Collection<DeviceRecord> records, int routedMacThreshold, int sharedIpThreshold) {
    AssetGrouping g =
        new AssetGrouping(
            routedMacs(records, routedMacThreshold), sharedIps(records, sharedIpThreshold));
    for (DeviceRecord r : records) {
      g.link(r.key);
    }
    g.linkBySerial(records);
    for (DeviceRecord r : records) {
      String root = g.find(g.primaryNode(r.key));
      g.rootOfKey.put(r.key, root);
      g.groups.computeIfAbsent(root, k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  Collection<List<DeviceRecord>> groups() {
    return groups.values();
  }

  /** The id of the asset a key was merged into. */
  String assetIdOf(DeviceKey key) {
    String root = rootOfKey.get(key);
    if (root == null) {
      link(key);
      root = find(primaryNode(key));
    }
    List<DeviceRecord> members = groups.get(root);
    return AssetAssembler.idOf(members != null ? members : List.of(new DeviceRecord(key)), this);
  }

  private static Set<String> routedMacs(Collection<DeviceRecord> records, int threshold) {
    Map<String, Set<String>> ipsPerMac = new HashMap<>();
    for (DeviceRecord r : records) {
      if (r.key.mac() != null && r.key.ip() != null) {
        ipsPerMac.computeIfAbsent(r.key.mac(), m -> new HashSet<>()).add(r.key.ipNode());
      }
    }
    Set<String> routed = new HashSet<>();
    ipsPerMac.forEach(
        (mac, ips) -> {
          if (ips.size() > threshold) {
            routed.add(mac);
          }
        });
    return routed;
  }

  /**
   * IP addresses seen with more than {@code threshold} MACs: reused by several devices (a replaced
   * device, address churn, captures of several networks spliced together). Such an address does not
   * join the devices that used it into one asset.
   */
  private static Set<String> sharedIps(Collection<DeviceRecord> records, int threshold) {
    Map<String, Set<String>> macsPerIp = new HashMap<>();
    for (DeviceRecord r : records) {
      if (r.key.mac() != null && r.key.ip() != null) {
        macsPerIp.computeIfAbsent(r.key.ipNode(), ip -> new HashSet<>()).add(r.key.mac());
      }
    }
    Set<String> shared = new HashSet<>();
    macsPerIp.forEach(
        (ip, macs) -> {
          if (macs.size() > threshold) {
            shared.add(ip);
          }
        });
    return shared;
  }

  /**
   * Records that report the same serial number are one device, whatever addresses they came from (a
   * controller seen over S7 through a router and over PROFINET on its own segment). Names are not
   * used: the same station name ("controller", "plc1") is common across networks.
   */
  private void linkBySerial(Collection<DeviceRecord> records) {
    Map<String, String> nodeOfSerial = new HashMap<>();
    for (DeviceRecord r : records) {
      Claim<String> serial = r.fields.get(IdentityField.SERIAL);
      if (serial == null || !SerialNumbers.distinctive(serial.value())) {
        continue;
      }
      String node = primaryNode(r.key);
      String first = nodeOfSerial.putIfAbsent(SerialNumbers.normalise(serial.value()), node);
      if (first != null) {
        union(first, node);
      }
    }
  }

  /** Whether the key's MAC is a router's, which names no device behind it. */
  boolean routed(DeviceKey key) {
    return key.mac() != null && routedMacs.contains(key.mac());
  }

  private void link(DeviceKey key) {
    if (key.mac() != null
        && key.ip() != null
        && !routed(key)
        && !sharedIps.contains(key.ipNode())) {
      union(key.macNode(), key.ipNode());
    }
  }

  /** A routed MAC does not name the device behind an IP: such records belong to the IP. */
  private String primaryNode(DeviceKey key) {
    if (key.ip() != null && (key.mac() == null || routed(key))) {
      return key.ipNode();
    }
    return key.macNode();
  }

  private String find(String node) {
    String p = parent.getOrDefault(node, node);
    if (p.equals(node)) {
      return node;
    }
    String root = find(p);
    parent.put(node, root);
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      // deterministic: the smaller node becomes the root
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
