package io.fieldprint.collector.storage;

import io.fieldprint.advisories.match.ProductMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The {@code asset_vendor_keys} table: which canonical vendor keys ({@link
 * ProductMatcher#advisoryVendors}) an advisory must name to match a correlated asset. An advisory
 * that names none of an asset's keys cannot match it, so a new or revised advisory marks due only
 * the assets that share a key with it, and the assets that matched its previous version.
 */
final class VendorKeyTable {

  /** Replaces the keys of each asset with those of its current identity. */
  void write(Connection c, List<StoredAsset> assets) throws SQLException {
    try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM asset_vendor_keys WHERE asset_uid = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO asset_vendor_keys (asset_uid, vendor_key) VALUES (?, ?)")) {
      for (StoredAsset a : assets) {
        delete.setString(1, a.uid());
        delete.addBatch();
        for (String key : keys(a)) {
          insert.setString(1, a.uid());
          insert.setString(2, key);
          insert.addBatch();
        }
      }
      delete.executeBatch();
      insert.executeBatch();
    }
  }

  private static Set<String> keys(StoredAsset a) {
    return ProductMatcher.advisoryVendors(
        new ProductMatcher.DeviceProduct(
            a.vendor().orElse(null), a.product().orElse(null), a.model().orElse(null)));
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
