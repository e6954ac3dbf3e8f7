package io.fieldprint.advisories.version;

import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions as an advisory writes it: canonical vers ({@code vers:generic/>=1.0|<2.0}),
 * CISA's {@code vers:all/<V4.33}, a vls such as {@code <V3.0.29}, or free text ("All versions <
 * V4.33", "3.07.11 and earlier"). Parsing never guesses: unknown forms give a reason.
 */
public sealed interface VersionRange permits VersionRange.AllVersions, VersionRange.Constraints {

  /** The text as the advisory wrote it. */
  String original();

  /** Whether the device's version is in this range; never throws. */
  VersionComparison contains(FirmwareVersion device);

  /** Parses the device's reported text first; text that is not a version gives UNKNOWN. */
  default VersionComparison contains(String deviceVersion) {
    Parsed<FirmwareVersion> parsed = FirmwareVersion.parse(deviceVersion);
    if (parsed instanceof Parsed.Ok<FirmwareVersion> ok) {
      return contains(ok.value());
    }
    if (this instanceof AllVersions) {
      return VersionComparison.affected("all versions are affected");
    }
    String reason = ((Parsed.Malformed<FirmwareVersion>) parsed).reason();
    return VersionComparison.unknown(
        "cannot compare '" + deviceVersion + "' with '" + original() + "': " + reason);
  }

  /** Parses a range; never throws. */
  static Parsed<VersionRange> parse(String text) {
    return RangeNormaliser.parse(text);
  }

  /** Every version ({@code vers:all/*}, "All versions"). */
  record AllVersions(String original) implements VersionRange {
    @Override
    public VersionComparison contains(FirmwareVersion device) {
      return VersionComparison.affected("all versions are affected ('" + original + "')");
    }
  }

  /**
   * Constraints evaluated with the vers algorithm, in the order written (CISA's lists are written
   * low to high; they are not re-sorted because sorting needs comparable bounds).
   */
  record Constraints(String original, List<Constraint> constraints) implements VersionRange {
    public Constraints {
      constraints = List.copyOf(constraints);
    }

    @Override
    public VersionComparison contains(FirmwareVersion device) {
      List<VersionOrder> orders = new ArrayList<>();
      for (Constraint c : constraints) {
        VersionOrder order = c.order(device);
        if (!order.decided()) {
          return VersionComparison.unknown(order.undecidable());
        }
        orders.add(order);
      }
      return VersEvaluation.evaluate(device, constraints, orders);
    }
  }
}
