package io.fieldprint.collector.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The one column list and row reader for {@code assets}. */
final class AssetRows {
  static final String SELECT =
      "SELECT uid, site_id, asset_id, name, vendor, product, model, firmware, hardware, serial,"
          + " role, ip_json, mac_json, protocols_json, first_seen, last_seen FROM assets";

  /** {@link #SELECT} plus {@code silent_since}, for the report merger. */
  static final String SELECT_WITH_SILENCE =
      SELECT.replace(" FROM assets", ", silent_since FROM assets");

  private AssetRows() {}

  static StoredAsset read(ResultSet rs) throws SQLException {
    return new StoredAsset(
        rs.getString("uid"),
        rs.getString("site_id"),
        rs.getString("asset_id"),
        text(rs, "name"),
        text(rs, "vendor"),
        text(rs, "product"),
        text(rs, "model"),
        text(rs, "firmware"),
        text(rs, "hardware"),
        text(rs, "serial"),
        rs.getString("role"),
        JsonLists.read(rs.getString("ip_json")),
        JsonLists.read(rs.getString("mac_json")),
        JsonLists.read(rs.getString("protocols_json")),
        Instant.ofEpochMilli(rs.getLong("first_seen")),
        Instant.ofEpochMilli(rs.getLong("last_seen")));
  }

  static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }
}
