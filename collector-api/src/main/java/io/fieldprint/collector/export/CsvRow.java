package io.fieldprint.collector.export;

import java.util.List;

/**
 * One RFC 4180 record: cells joined by commas, ended by CRLF. A cell holding a comma, a double
 * quote, CR or LF is quoted with its quotes doubled. A cell a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or CR) gets a leading apostrophe first, so a device name such
 * as {@code =HYPERLINK(...)} reported by a hostile device stays text (OWASP "CSV injection").
 */
public final class CsvRow {
  private CsvRow() {}

  /** The record of these cells; a {@code null} cell is empty. */
  public static String of(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(out, cells.get(i));
    }
    return out.append("\r\n").toString();
  }

  /** The text a cell carries after formula neutralisation, before quoting. */
  static String neutralised(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }

  private static void appendCell(StringBuilder out, String cell) {
    if (cell == null) {
      return;
    }
    String text = neutralised(cell);
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    if (!quote) {
      out.append(text);
      return;
    }
    out.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
