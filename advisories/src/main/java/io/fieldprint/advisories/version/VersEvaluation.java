package io.fieldprint.advisories.version;

import java.util.ArrayList;
import java.util.List;

/** The vers containment algorithm over already-decided orders. */
final class VersEvaluation {
  private VersEvaluation() {}

  static VersionComparison evaluate(
      FirmwareVersion device, List<Constraint> constraints, List<VersionOrder> orders) {
    List<Integer> ranged = new ArrayList<>();
    boolean onlyNotEqual = true;
    for (int i = 0; i < constraints.size(); i++) {
      Constraint c = constraints.get(i);
      if (orders.get(i).sign() == 0
          && c.comparator() != VersComparator.LESS
          && c.comparator() != VersComparator.GREATER) {
        return c.comparator() == VersComparator.NOT_EQUAL
            ? VersionComparison.notAffected(device + " is excluded by " + c)
            : VersionComparison.affected(device + " matches " + c);
      }
      if (c.comparator().isLower() || c.comparator().isUpper()) {
        ranged.add(i);
      }
      onlyNotEqual &= c.comparator() == VersComparator.NOT_EQUAL;
    }
    if (onlyNotEqual) {
      return VersionComparison.affected(device + " is not excluded by any !=");
    }
    return intervals(device, constraints, orders, ranged);
  }

  private static VersionComparison intervals(
      FirmwareVersion device,
      List<Constraint> constraints,
      List<VersionOrder> orders,
      List<Integer> ranged) {
    if (ranged.isEmpty()) {
      return VersionComparison.notAffected(device + " matches none of " + constraints);
    }
    int first = ranged.get(0);
    if (constraints.get(first).comparator().isLower() && orders.get(first).sign() < 0) {
      return VersionComparison.affected(device + " " + constraints.get(first));
    }
    int last = ranged.get(ranged.size() - 1);
    if (constraints.get(last).comparator().isUpper() && orders.get(last).sign() > 0) {
      return VersionComparison.affected(device + " " + constraints.get(last));
    }
    for (int k = 0; k + 1 < ranged.size(); k++) {
      Constraint low = constraints.get(ranged.get(k));
      Constraint high = constraints.get(ranged.get(k + 1));
      if (low.comparator().isUpper()
          && high.comparator().isLower()
          && orders.get(ranged.get(k)).sign() > 0
          && orders.get(ranged.get(k + 1)).sign() < 0) {
        return VersionComparison.affected(device + " " + low + " and " + high);
      }
    }
    return VersionComparison.notAffected(device + " is outside " + constraints);
  }
}
