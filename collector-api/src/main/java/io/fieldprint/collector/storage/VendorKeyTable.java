package io.fieldprint.collector.storage;

import io.fieldprint.advisories.match.ProductMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;

/**
 * The {@code asset_vendor_keys} table: which canonical vendor keys ({@link
 * ProductMatcher#advisoryVendors}) an advisory must name to match a correlated asset. An advisory
 * that names none of an asset's keys cannot match it, so a new or revised advisory marks due only
 * the assets that share a key with it, and the assets that matched its previous version.
 */
final class VendorKeyTable {

  /** Replaces the keys of an asset with those of its current identity. */
  void write(Connection c, StoredAsset a) throws SQLException {
    Set<String> keys =
        ProductMatcher.advisoryVendors(
            new ProductMatcher.DeviceProduct(
                a.vendor().orElse(null), a.product().orElse(null), a.model().orElse(null)));
    JdbcCollectorStore.update(c, "DELETE FROM asset_vendor_keys WHERE asset_uid = ?", a.uid());
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO asset_vendor_keys (asset_uid, vendor_key) VALUES (?, ?)")) {
      for (String key : keys) {
        ps.setString(1, a.uid());
        ps.setString(2, key);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Marks due the correlated assets that share a vendor key with the advisory or match its previous
   * version (so a fixed or withdrawn product loses its match).
   */
  static void markReachable(Connection c, String trackingId, Set<String> vendorKeys)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "UPDATE assets SET correlated_at = NULL WHERE correlated_at IS NOT NULL AND (uid IN"
                + " (SELECT asset_uid FROM matches WHERE advisory_id = ?)");
    if (!vendorKeys.isEmpty()) {
      sql.append(" OR uid IN (SELECT asset_uid FROM asset_vendor_keys WHERE vendor_key IN (")
          .append(String.join(", ", Collections.nCopies(vendorKeys.size(), "?")))
          .append("))");
    }
    sql.append(')');
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
