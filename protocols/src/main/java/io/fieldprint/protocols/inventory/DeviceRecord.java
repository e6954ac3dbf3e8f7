package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Everything learnt about one {@link DeviceKey}, folded as observations arrive. */
final class DeviceRecord {
  private static final int CLIENT_PENALTY = 1_000;
  final DeviceKey key;
  final Map<IdentityField, Claim<String>> fields = new EnumMap<>(IdentityField.class);
  Claim<Role> role;
  final Set<String> protocols = new TreeSet<>();
  Instant firstSeen;
  Instant lastSeen;
  final List<Evidence> evidence = new ArrayList<>();
  private final Set<EvidenceKey> evidenceKeys = new HashSet<>();
  int evidenceOmitted;

  DeviceRecord(DeviceKey key) {
    this.key = key;
  }

  void fold(Observation o, long sequence, int maxEvidence) {
    Evidence e = o.evidence();
    Attribution from = new Attribution(e.source(), e.origin(), o.authority());
    // what a host's client software says about itself ranks below what the host says as a device
    int rank =
        ProtocolRank.of(o.protocol()) + (o.identity().role() == Role.CLIENT ? CLIENT_PENALTY : 0);
    for (IdentityField f : IdentityField.values()) {
      String value = f.accessor.apply(o.identity());
      if (value != null) {
        Claim<String> claim = new Claim<>(value, o.authority(), rank, sequence, from);
        if (claim.beats(fields.get(f))) {
          fields.put(f, claim);
        }
      }
    }
    Role r = o.identity().role();
    if (r != null) {
      Claim<Role> claim = new Claim<>(r, o.authority(), RoleRank.of(r), sequence, from);
      if (role == null || RoleRank.stronger(claim, role)) {
        role = claim;
      }
    }
    if (o.protocol() != null) {
      protocols.add(o.protocol());
    }
    Instant at = e.at();
    if (at != null) {
      firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
      lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
    }
    keepEvidence(e, maxEvidence);
  }

  private void keepEvidence(Evidence e, int maxEvidence) {
    EvidenceKey k = new EvidenceKey(e.source(), e.fields());
    if (evidenceKeys.contains(k)) {
      return;
    }
    if (evidence.size() >= maxEvidence) {
      evidenceOmitted++;
      return;
    }
    evidenceKeys.add(k);
    evidence.add(e);
  }

  /** Evidence repeating the same source and values is kept once. */
  private record EvidenceKey(String source, Map<String, Object> fields) {}
}
