package io.fieldprint.agent.cli;

import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryFinding;
import io.fieldprint.protocols.inventory.InventorySource;
import java.util.ArrayList;
import java.util.List;

/** Renders an inventory as plain-text tables for people. */
final class InventoryTable {
  private static final int MAX_CELL = 40;
  private final Inventory inventory;

  InventoryTable(Inventory inventory) {
    this.inventory = inventory;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("ASSETS (").append(inventory.assets().size()).append(")\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "ASSET",
            "IP",
            "ROLE",
            "VENDOR",
            "PRODUCT",
            "MODEL",
            "FIRMWARE",
            "SERIAL",
            "NAME",
            "PROTOCOLS"));
    for (Asset a : inventory.assets()) {
      rows.add(
          List.of(
              a.id(),
              String.join(",", a.ip()),
              a.role().jsonName(),
              a.vendor() != null
                  ? a.vendor()
                  : a.macVendor() != null ? "(" + a.macVendor() + ")" : "-",
              dash(a.product()),
              dash(a.model()),
              dash(a.firmware()),
              dash(a.serial()),
              dash(a.name()),
              String.join(",", a.protocols())));
    }
    appendTable(sb, rows, 0);
    sb.append("\nFINDINGS (").append(inventory.findings().size()).append(")\n");
    if (!inventory.findings().isEmpty()) {
      List<List<String>> frows = new ArrayList<>();
      frows.add(List.of("SEVERITY", "RULE", "ASSET", "DETAIL"));
      for (InventoryFinding f : inventory.findings()) {
        frows.add(List.of(f.severity().jsonName(), f.rule(), f.assetId(), dash(f.detail())));
      }
      appendTable(sb, frows, 2);
    }
    sb.append("\nSOURCES\n");
    for (InventorySource s : inventory.sources()) {
      sb.append("  ")
          .append(s.name())
          .append(": ")
          .append(s.status())
          .append(", ")
          .append(s.frames())
          .append(" frames, ")
          .append(s.warnings())
          .append(" warnings");
      if (s.error() != null) {
        sb.append(" (").append(s.error()).append(')');
      }
      sb.append('\n');
    }
    sb.append(
        "\n(vendor in parentheses: from the MAC address registry only; '-': unknown."
            + " --format json shows every piece of evidence.)\n");
    return sb.toString();
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static void appendTable(StringBuilder sb, List<List<String>> rows, int idColumn) {
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> row : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], cell(row.get(i), maxWidth(i, cols, idColumn)).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < cols; i++) {
        String c = cell(row.get(i), maxWidth(i, cols, idColumn));
        line.append(c);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - c.length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** The asset id column and the last (details, protocols) may run longer than the others. */
  private static int maxWidth(int column, int columns, int idColumn) {
    return column == idColumn ? 100 : column == columns - 1 ? 200 : MAX_CELL;
  }

  /** Cells are single-line and bounded. */
  private static String cell(String s, int max) {
    String flat = s.replaceAll("[\\p{Cntrl}]", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
