package io.fieldprint.protocols.active.opcua;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;

/** Device-reported values made JSON friendly and bounded (length, control characters, arrays). */
final class ProbeValues {

  static final int MAX_STRING = 256;
  static final int MAX_ARRAY = 64;

  private ProbeValues() {}

  /** The value of a good DataValue as a String, Number, Boolean or list of those; else null. */
  static Object value(DataValue dv) {
    if (dv == null || dv.getStatusCode() == null || !dv.getStatusCode().isGood()) {
      return null;
    }
    return plain(dv.getValue().getValue());
  }

  /** The value as text (LocalizedText's text, DateTime in ISO 8601), or null. */
  static String text(DataValue dv) {
    Object v = value(dv);
    return v == null || v instanceof List ? null : v.toString();
  }

  private static Object plain(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return clean(s);
    }
    if (v instanceof LocalizedText t) {
      return clean(t.getText());
    }
    if (v instanceof DateTime d) {
      return d.isNull() ? null : d.getJavaInstant().toString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v instanceof Number n && !(v instanceof Integer || v instanceof Long)
          ? n.toString()
          : v;
    }
    if (v instanceof Object[] array) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Math.min(array.length, MAX_ARRAY); i++) {
        out.add(plain(array[i]));
      }
      return out;
    }
    return clean(v.toString());
  }

  /** Control characters stripped, capped at {@link #MAX_STRING}; null or blank gives null. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_STRING));
    for (int i = 0; i < s.length() && b.length() < MAX_STRING; i++) {
      char c = s.charAt(i);
      if (!Character.isISOControl(c)) {
        b.append(c);
      }
    }
    String out = b.toString().strip();
    return out.isEmpty() ? null : out;
  }
}
