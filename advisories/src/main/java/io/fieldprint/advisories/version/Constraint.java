package io.fieldprint.advisories.version;

import java.util.List;

/**
 * One comparator and its bound, e.g. {@code <V4.33}.
 *
 * @param comparator the vers comparator
 * @param bound the version compared against
 */
public record Constraint(VersComparator comparator, Bound bound) {

  /**
   * The device's version ordered against the bound. Undecidable when the versions cannot be
   * ordered, and also when precision matters: a device reporting {@code 4.3} against {@code 4.3.2}
   * (it may be 4.3.0 or 4.3.5), or a device reporting {@code 32.011} against {@code <= 32}, {@code
   * > 32} or {@code = 32} (the advisory may mean the whole 32 line). A more precise device is still
   * decided for {@code <} and {@code >=}, where every reading agrees.
   */
  VersionOrder order(FirmwareVersion device) {
    if (bound.levelOnly() && device.qualifier(Qualifier.Kind.LEVEL) == 0) {
      return new VersionOrder(
          0, "'" + bound + "' is a firmware level; device version '" + device + "' gives none");
    }
    FirmwareVersion effective = bound.against(device);
    VersionOrder order = VersionOrder.of(device, effective);
    if (!order.decided() || bound.openTail()) {
      return order;
    }
    List<Long> d = device.numbers();
    List<Long> b = effective.numbers();
    int shared = Math.min(d.size(), b.size());
    if (VersionOrder.numbers(d.subList(0, shared), b.subList(0, shared)) != 0) {
      return order;
    }
    if (d.size() < b.size() && !allZero(b.subList(shared, b.size()))) {
      return new VersionOrder(
          0, "device version '" + device + "' is less precise than the bound '" + this + "'");
    }
    boolean ambiguous =
        comparator != VersComparator.LESS && comparator != VersComparator.GREATER_OR_EQUAL;
    if (d.size() > b.size() && !allZero(d.subList(shared, d.size())) && ambiguous) {
      return new VersionOrder(
          0, "device version '" + device + "' is more precise than the bound '" + this + "'");
    }
    return order;
  }

  private static boolean allZero(List<Long> values) {
    return values.stream().allMatch(v -> v == 0);
  }

  @Override
  public String toString() {
    return comparator.symbol() + " " + bound;
  }
}
