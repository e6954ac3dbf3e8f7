package io.fieldprint.collector.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored asset with one reported asset merged in: reported values replace stored ones, absent
 * values keep them, addresses and protocols accumulate (bounded), first and last seen widen.
 *
 * @param row the merged row
 * @param firmwareChanged a stored firmware was replaced by a different reported one
 * @param identityChanged vendor, model, product, hardware or firmware changed (the asset is due for
 *     correlation again); a firmware reported for the first time counts, though it is not a
 *     firmware change
 */
record MergedAsset(StoredAsset row, boolean firmwareChanged, boolean identityChanged) {

  static MergedAsset of(StoredAsset old, ReportedAsset a, Instant now) {
    boolean firmwareChanged =
        old.firmware().isPresent()
            && a.firmware().isPresent()
            && !old.firmware().get().equals(a.firmware().get());
    StoredAsset row =
        new StoredAsset(
            old.uid(),
            old.siteId(),
            old.assetId(),
            a.name().or(old::name),
            a.vendor().or(old::vendor),
            a.product().or(old::product),
            a.model().or(old::model),
            a.firmware().or(old::firmware),
            a.hardware().or(old::hardware),
            a.serial().or(old::serial),
            a.role().equals("unknown") ? old.role() : a.role(),
            ReportMerger.union(a.ip(), old.ip()),
            ReportMerger.union(a.mac(), old.mac()),
            ReportMerger.union(a.protocols(), old.protocols()),
            ReportMerger.earliest(old.firstSeen(), a.firstSeen().orElse(now)),
            ReportMerger.latest(old.lastSeen(), a.lastSeen().orElse(now)));
    boolean identityChanged = !MatchIdentity.of(old).equals(MatchIdentity.of(row));
    return new MergedAsset(row, firmwareChanged, identityChanged);
  }

  /** The row a report's new asset was inserted as, under {@code uid}. */
  static StoredAsset inserted(String uid, ReportedAsset a, IncomingReport r, Instant now) {
    return new StoredAsset(
        uid,
        r.siteId(),
        a.assetId(),
        a.name(),
        a.vendor(),
        a.product(),
        a.model(),
        a.firmware(),
        a.hardware(),
        a.serial(),
        a.role(),
        ReportMerger.union(a.ip(), List.of()),
        ReportMerger.union(a.mac(), List.of()),
        ReportMerger.union(a.protocols(), List.of()),
        a.firstSeen().orElse(now),
        a.lastSeen().orElse(now));
  }

  /** Binds the parameters of {@code ReportMerger}'s UPDATE statement. */
  void bind(PreparedStatement ps, IncomingReport r, Instant now) throws SQLException {
    int i = 1;
    for (Optional<String> v :
        List.of(
            row.name(),
            row.vendor(),
            row.product(),
            row.model(),
            row.firmware(),
            row.hardware(),
            row.serial())) {
      ps.setString(i++, v.orElse(null));
    }
    ps.setString(i++, row.role());
    ps.setString(i++, JsonLists.write(row.ip()));
    ps.setString(i++, JsonLists.write(row.mac()));
    ps.setString(i++, JsonLists.write(row.protocols()));
    ps.setLong(i++, row.firstSeen().toEpochMilli());
    ps.setLong(i++, row.lastSeen().toEpochMilli());
    ps.setString(i++, r.agentId());
    ps.setLong(i++, now.toEpochMilli());
    ps.setString(i++, row.siteId());
    ps.setString(i, row.assetId());
  }
}
