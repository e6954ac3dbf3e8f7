package io.fieldprint.agent.cli;

import java.util.List;

/** A plain-text table: columns padded to their widest cell, cells flattened and cut at 60. */
final class TextTable {
  private static final int MAX_CELL = 60;

  private TextTable() {}

  static String render(List<List<String>> rows) {
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> row : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], cell(row.get(i)).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < cols; i++) {
        String c = cell(row.get(i));
        line.append(c);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - c.length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String cell(String s) {
    String flat = s == null ? "-" : s.replaceAll("\\p{Cntrl}", " ");
    return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL - 1) + "…";
  }
}
