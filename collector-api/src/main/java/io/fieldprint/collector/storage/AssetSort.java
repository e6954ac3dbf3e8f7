package io.fieldprint.collector.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order of an asset listing: one whitelisted column, ascending or descending, ties broken by
 * asset id in the same direction (so an index on {@code (site_id, column, asset_id)} serves it).
 */
public record AssetSort(Column column, boolean descending) {
  /** The default order: by asset id. */
  public static final AssetSort BY_ID = new AssetSort(Column.ID, false);

  /** The columns a listing may be sorted by, with their wire names. */
  public enum Column {
    ID("id", "asset_id"),
    NAME("name", "name"),
    VENDOR("vendor", "vendor"),
    MODEL("model", "model"),
    FIRMWARE("firmware", "firmware"),
    ROLE("role", "role"),
    FIRST_SEEN("firstSeen", "first_seen"),
    LAST_SEEN("lastSeen", "last_seen");

    private final String wire;
    private final String sql;

    Column(String wire, String sql) {
      this.wire = wire;
      this.sql = sql;
    }

    public String wire() {
      return wire;
    }

    String sql() {
      return sql;
    }
  }

  /** {@code name} or {@code -name} (descending); empty for anything not on the whitelist. */
  public static Optional<AssetSort> parse(String text) {
    boolean descending = text.startsWith("-");
    String name = descending ? text.substring(1) : text;
    return Arrays.stream(Column.values())
        .filter(c -> c.wire.equals(name))
        .findFirst()
        .map(c -> new AssetSort(c, descending));
  }

  /** The accepted wire names, for error messages and docs. */
  public static String accepted() {
    return Arrays.stream(Column.values())
        .map(Column::wire)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  String orderBy() {
    String dir = descending ? " DESC" : "";
    return column == Column.ID
        ? " ORDER BY asset_id" + dir
        : " ORDER BY " + column.sql() + dir + ", asset_id" + dir;
  }

  @Override
  public String toString() {
    return (descending ? "-" : "") + column.wire();
  }
}
