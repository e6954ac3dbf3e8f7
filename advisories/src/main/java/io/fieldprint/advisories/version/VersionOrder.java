package io.fieldprint.advisories.version;

import java.util.List;

/**
 * The ordering of two firmware versions, or why they cannot be ordered.
 *
 * @param sign negative, zero or positive as in {@link Comparable}; meaningless when undecidable
 * @param undecidable why no order exists (e.g. different Cisco IOS trains), or {@code null}
 */
public record VersionOrder(int sign, String undecidable) {

  /** Whether an order exists. */
  public boolean decided() {
    return undecidable == null;
  }

  /** Orders {@code a} against {@code b} as documented on {@link FirmwareVersion}. */
  public static VersionOrder of(FirmwareVersion a, FirmwareVersion b) {
    if (a.isCiscoTrain() != b.isCiscoTrain()) {
      FirmwareVersion ios = a.isCiscoTrain() ? a : b;
      FirmwareVersion other = a.isCiscoTrain() ? b : a;
      return new VersionOrder(
          0, "cannot compare Cisco IOS release '" + ios + "' with '" + other + "'");
    }
    if (!a.train().equals(b.train())) {
      return new VersionOrder(
          0, "different Cisco IOS trains '" + a.train() + "' and '" + b.train() + "'");
    }
    int sign = numbers(a.numbers(), b.numbers());
    if (sign == 0) {
      sign = a.suffix().compareToIgnoreCase(b.suffix());
    }
    if (sign == 0) {
      sign = preRelease(a.preRelease(), b.preRelease());
    }
    if (sign == 0) {
      sign = Long.compare(a.trainRebuild(), b.trainRebuild());
    }
    for (Qualifier.Kind kind : Qualifier.Kind.values()) {
      if (sign != 0) {
        break;
      }
      sign = Long.compare(a.qualifier(kind), b.qualifier(kind));
    }
    return new VersionOrder(Integer.signum(sign), null);
  }

  static int numbers(List<Long> a, List<Long> b) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      long x = i < a.size() ? a.get(i) : 0;
      long y = i < b.size() ? b.get(i) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }

  private static int preRelease(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return a.compareTo(b);
  }
}
