package io.fieldprint.collector.storage;

import io.fieldprint.advisories.match.ProductMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code asset_vendor_keys} table: which canonical vendor keys ({@link
 * ProductMatcher#advisoryVendors}) an advisory must name to match a correlated asset. An advisory
 * that names none of an asset's keys cannot match it, so a new or revised advisory marks due only
 * the assets that share a key with it, and the assets that matched its previous version.
 */
final class VendorKeyTable {
  /** Assets per {@code IN (...)} read. */
  private static final int READ_CHUNK = 500;

  /**
   * Replaces the keys of each asset with those of its current identity; assets whose stored keys
   * are already these (a re-check after an advisory change) are not written.
   */
  void write(Connection c, List<StoredAsset> assets) throws SQLException {
    Map<String, Set<String>> stored = stored(c, assets);
    try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM asset_vendor_keys WHERE asset_uid = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO asset_vendor_keys (asset_uid, vendor_key) VALUES (?, ?)")) {
      for (StoredAsset a : assets) {
        Set<String> keys = keys(a);
        if (keys.equals(stored.getOrDefault(a.uid(), Set.of()))) {
          continue;
        }
        delete.setString(1, a.uid());
        delete.addBatch();
        for (String key : keys) {
          insert.setString(1, a.uid());
          insert.setString(2, key);
          insert.addBatch();
        }
      }
      delete.executeBatch();
      insert.executeBatch();
    }
  }

  private static Map<String, Set<String>> stored(Connection c, List<StoredAsset> assets)
      throws SQLException {
    Map<String, Set<String>> out = new HashMap<>();
    for (int from = 0; from < assets.size(); from += READ_CHUNK) {
      List<Object> args = new ArrayList<>();
      String in =
          InList.of(
              "asset_uid",
              assets.subList(from, Math.min(assets.size(), from + READ_CHUNK)).stream()
                  .map(StoredAsset::uid)
                  .toList(),
              args);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT asset_uid, vendor_key FROM asset_vendor_keys WHERE " + in)) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  private static Set<String> keys(StoredAsset a) {
    return ProductMatcher.advisoryVendors(
        new ProductMatcher.DeviceProduct(
            a.vendor().orElse(null), a.product().orElse(null), a.model().orElse(null)));
  }

  /**
   * Marks due the assets that share a vendor key with the advisory or match its previous version
   * (so a fixed or withdrawn product loses its match). Inserted in uid order, as reports insert
   * theirs, so the two never wait for each other's queue entries in a cycle.
   */
  static void markReachable(Connection c, String trackingId, Set<String> vendorKeys)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO correlation_due (asset_uid) SELECT asset_uid FROM ("
                + "SELECT asset_uid FROM matches WHERE advisory_id = ?");
    if (!vendorKeys.isEmpty()) {
      sql.append(" UNION SELECT asset_uid FROM asset_vendor_keys WHERE vendor_key IN (")
          .append(String.join(", ", Collections.nCopies(vendorKeys.size(), "?")))
          .append(")");
    }
    // WHERE true: SQLite needs a WHERE before ON CONFLICT to parse an INSERT ... SELECT
    sql.append(") reachable WHERE true ORDER BY asset_uid ON CONFLICT DO NOTHING");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setString(i++, trackingId);
      for (String key : vendorKeys) {
        ps.setString(i++, key);
      }
      ps.executeUpdate();
    }
  }
}
