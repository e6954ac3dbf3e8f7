package io.fieldprint.protocols.cleartext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and header fields of one HTTP/1.x message (RFC 9112 §2-§5), decoded from at most
 * {@link HttpMessageScanner#MAX_HEAD} bytes. Values are kept sanitised and capped.
 *
 * @param startLine the request line or status line
 * @param headers names (lower case) and values, in order, at most {@value #MAX_HEADERS}
 */
record HttpHead(String startLine, List<Header> headers) {
  static final int MAX_HEADERS = 64;

  HttpHead {
    headers = List.copyOf(headers);
  }

  record Header(String name, String value) {}

  /** Parses the bytes before the blank line; {@code null} when it is not an HTTP message head. */
  static HttpHead parse(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n");
    if (lines.length == 0 || !(isStatusLine(lines[0]) || isRequestLine(lines[0]))) {
      return null;
    }
    List<Header> headers = new ArrayList<>();
    for (int i = 1; i < lines.length && headers.size() < MAX_HEADERS; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            new Header(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                BannerText.clean(lines[i].substring(colon + 1).strip())));
      }
    }
    return new HttpHead(BannerText.clean(lines[0]), headers);
  }

  static boolean isStatusLine(String line) {
    return line.startsWith("HTTP/1.") && line.length() >= 12 && Character.isDigit(line.charAt(9));
  }

  static boolean isRequestLine(String line) {
    int space = line.indexOf(' ');
    return space > 0 && line.endsWith(" HTTP/1.1") || space > 0 && line.endsWith(" HTTP/1.0");
  }

  boolean isResponse() {
    return isStatusLine(startLine);
  }

  /** Status code of a response, or -1. */
  int statusCode() {
    if (!isResponse()) {
      return -1;
    }
    try {
      return Integer.parseInt(startLine.substring(9, 12));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** The first value of a header, or {@code null}. */
  String first(String name) {
    for (Header h : headers) {
      if (h.name().equals(name)) {
        return h.value();
      }
    }
    return null;
  }

  /** All values of a header. */
  List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equals(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  /**
   * Bytes of body that follow this head, or -1 when they cannot be told without parsing the body
   * (chunked transfer coding, or a response delimited by the connection closing).
   */
  long bodyLength() {
    String transferEncoding = first("transfer-encoding");
    if (transferEncoding != null && !transferEncoding.equalsIgnoreCase("identity")) {
      return -1;
    }
    String contentLength = first("content-length");
    if (contentLength != null) {
      try {
        long n = Long.parseLong(contentLength.strip());
        return n >= 0 ? n : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    if (!isResponse()) {
      return 0;
    }
    int status = statusCode();
    return status / 100 == 1 || status == 204 || status == 304 ? 0 : -1;
  }
}
