package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns a group of device records into one {@link Asset}. */
final class AssetAssembler {
  private static final Comparator<Evidence> EVIDENCE_ORDER =
      Comparator.comparing(Evidence::at, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Evidence::origin, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Evidence::source);

  private final MacRegistry macVendors;
  private final int maxEvidence;
  private final AssetGrouping grouping;

  AssetAssembler(MacRegistry macVendors, int maxEvidence, AssetGrouping grouping) {
    this.macVendors = macVendors;
    this.maxEvidence = maxEvidence;
    this.grouping = grouping;
  }

  List<Asset> assemble(Iterable<List<DeviceRecord>> groups) {
    List<Asset> assets = new ArrayList<>();
    for (List<DeviceRecord> group : groups) {
      assets.add(assemble(group));
    }
    assets.sort(Comparator.comparing(Asset::id));
    return assets;
  }

  /** The stable id of the asset a group forms: its smallest MAC, else its smallest IP. */
  static String idOf(List<DeviceRecord> group, AssetGrouping grouping) {
    TreeSet<String> macs = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    for (DeviceRecord r : group) {
      if (r.key.mac() != null && !grouping.routed(r.key)) {
        macs.add(r.key.macNode());
      }
      if (r.key.ip() != null) {
        ips.add(r.key.ipNode());
      }
    }
    return !macs.isEmpty() ? macs.first() : ips.first();
  }

  private Asset assemble(List<DeviceRecord> group) {
    TreeSet<String> macs = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    TreeSet<String> protocols = new TreeSet<>();
    Map<IdentityField, Claim<String>> best = new EnumMap<>(IdentityField.class);
    Claim<Role> role = null;
    Instant first = null;
    Instant last = null;
    List<Evidence> evidence = new ArrayList<>();
    int omitted = 0;
    for (DeviceRecord r : group) {
      if (!grouping.routed(r.key)) {
        addIfPresent(macs, r.key.mac());
      }
      addIfPresent(ips, r.key.ip());
      protocols.addAll(r.protocols);
      r.fields.forEach((f, c) -> best.merge(f, c, (a, b) -> b.beats(a) ? b : a));
      if (r.role != null && (role == null || RoleRank.stronger(r.role, role))) {
        role = r.role;
      }
      first = earliest(first, r.firstSeen);
      last = latest(last, r.lastSeen);
      evidence.addAll(r.evidence);
      omitted += r.evidenceOmitted;
    }
    evidence.sort(EVIDENCE_ORDER);
    if (evidence.size() > maxEvidence) {
      omitted += evidence.size() - maxEvidence;
      evidence = new ArrayList<>(evidence.subList(0, maxEvidence));
    }
    Map<String, Attribution> attribution = new TreeMap<>();
    best.forEach((f, c) -> attribution.put(f.jsonName, c.from()));
    if (role != null) {
      attribution.put("role", role.from());
    }
    String macVendor = macs.isEmpty() ? null : macVendors.vendorOf(macs.first()).orElse(null);
    return new Asset(
        idOf(group, grouping),
        List.copyOf(ips),
        List.copyOf(macs),
        value(best, IdentityField.NAME),
        value(best, IdentityField.VENDOR),
        value(best, IdentityField.PRODUCT),
        value(best, IdentityField.MODEL),
        value(best, IdentityField.FIRMWARE),
        value(best, IdentityField.HARDWARE),
        value(best, IdentityField.SERIAL),
        role == null ? Role.UNKNOWN : role.value(),
        macVendor,
        attribution,
        List.copyOf(protocols),
        first,
        last,
        evidence,
        omitted);
  }

  private static void addIfPresent(TreeSet<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }

  private static String value(Map<IdentityField, Claim<String>> best, IdentityField f) {
    Claim<String> c = best.get(f);
    return c == null ? null : c.value();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
