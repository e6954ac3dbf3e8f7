package io.fieldprint.collector.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A SQL {@code column IN (?, ...)} condition over bound values. */
final class InList {
  private InList() {}

  /**
   * {@code column IN (?, ...)} over {@code values}, or a condition that is always false when there
   * are none; {@code args} receives the values in order.
   */
  static String of(String column, Collection<String> values, List<Object> args) {
    if (values.isEmpty()) {
      return "1 = 0";
    }
    List<String> marks = new ArrayList<>();
    for (String v : values) {
      marks.add("?");
      args.add(v);
    }
    return column + " IN (" + String.join(", ", marks) + ")";
  }
}
