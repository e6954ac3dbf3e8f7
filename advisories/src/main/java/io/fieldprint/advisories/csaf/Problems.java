package io.fieldprint.advisories.csaf;

import java.util.ArrayList;
import java.util.List;

/** Problems found while reading one document, capped so a hostile document cannot grow them. */
final class Problems {
  static final int MAX = 200;

  private final List<String> items = new ArrayList<>();
  private int dropped;

  void add(String problem) {
    if (items.size() < MAX) {
      items.add(problem);
    } else {
      dropped++;
    }
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  String first() {
    return items.isEmpty() ? "" : items.get(0);
  }

  List<String> list() {
    List<String> out = new ArrayList<>(items);
    if (dropped > 0) {
      out.add("... and " + dropped + " more problems");
    }
    return out;
  }
}
