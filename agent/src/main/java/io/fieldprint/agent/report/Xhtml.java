package io.fieldprint.agent.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes well-formed XHTML: every text and attribute value is escaped, elements close in order. The
 * only unescaped content is the report's own constant style sheet ({@link #style}).
 */
final class Xhtml {
  private static final char REPLACEMENT = '\uFFFD';
  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens an element; {@code attributes} are name, value pairs. */
  Xhtml open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], out);
      out.append('"');
    }
    out.append('>');
    open.push(tag);
    return this;
  }

  /** Closes the innermost open element. */
  Xhtml close() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element holding text. */
  Xhtml element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close();
  }

  /** A table's head: one row of column names, each with its width in percent. */
  Xhtml head(List<String> names, int... widths) {
    open("thead").open("tr");
    for (int i = 0; i < names.size(); i++) {
      if (i < widths.length) {
        element("th", names.get(i), "style", "width: " + widths[i] + "%");
      } else {
        element("th", names.get(i));
      }
    }
    return close().close();
  }

  /** Escaped text; {@code null} writes nothing. */
  Xhtml text(String text) {
    escape(text, out);
    return this;
  }

  /** The report's constant style sheet. */
  Xhtml style(String css) {
    out.append("<style type=\"text/css\">").append(css).append("</style>");
    return this;
  }

  /** The document; every element must be closed. */
  String document() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + out;
  }

  /**
   * Appends text escaped for XML content and attribute values. Characters XML 1.0 does not allow
   * (controls, lone surrogates, U+FFFE/U+FFFF) and bidirectional overrides (which could make a
   * hostile device name read backwards) become U+FFFD.
   */
  static void escape(String text, StringBuilder out) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(allowed(c) ? c : REPLACEMENT);
          }
        }
      }
    }
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
      return false;
    }
    boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    return !bidi && c != '\uFFFE' && c != '\uFFFF';
  }
}
