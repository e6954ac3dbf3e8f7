package io.fieldprint.advisories.version;

import io.fieldprint.protocols.decode.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a comparator compares against, possibly with wildcards: {@code V3.X.17} (the middle
 * segment takes the device's value, so every 3.n train is bounded by 3.n.17) or {@code 4.*} (the
 * device's remaining segments are taken, so {@code = 4.*} is a prefix match and {@code <= 2.x}
 * means "any 2.n").
 *
 * @param version the bound with wildcards read as 0
 * @param wildcards positions in the numeric core that take the device's value
 * @param openTail whether the last wildcard stands for all remaining segments
 */
public record Bound(FirmwareVersion version, List<Integer> wildcards, boolean openTail) {
  private static final Set<String> WILDCARDS = Set.of("x", "X", "*");
  private static final Pattern LEVEL = Pattern.compile("(?i)FW\\s?(\\d{1,6})");

  public Bound {
    wildcards = List.copyOf(wildcards);
  }

  /** Parses a bound; wildcards are segments written {@code x}, {@code X} or {@code *}. */
  public static Parsed<Bound> parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.malformed("empty version");
    }
    if (text.length() > FirmwareVersion.MAX_LENGTH) {
      return Parsed.malformed("version longer than " + FirmwareVersion.MAX_LENGTH + " characters");
    }
    Matcher level = LEVEL.matcher(text.strip());
    if (level.matches()) {
      Qualifier q = new Qualifier(Qualifier.Kind.LEVEL, Long.parseLong(level.group(1)));
      FirmwareVersion v = new FirmwareVersion(text.strip(), List.of(), "", "", List.of(q), "", 0);
      return Parsed.ok(new Bound(v, List.of(), false));
    }
    String[] pieces = text.strip().split("\\.", -1);
    List<Integer> wildcards = new ArrayList<>();
    for (int i = 0; i < pieces.length; i++) {
      if (WILDCARDS.contains(pieces[i])) {
        wildcards.add(i);
        pieces[i] = "0";
      }
    }
    boolean openTail =
        !wildcards.isEmpty() && wildcards.get(wildcards.size() - 1) == pieces.length - 1;
    if (!wildcards.isEmpty() && wildcards.get(0) == 0) {
      return Parsed.malformed("wildcard in the first segment of '" + text.strip() + "'");
    }
    Parsed<FirmwareVersion> parsed = FirmwareVersion.parse(String.join(".", pieces));
    if (parsed instanceof Parsed.Ok<FirmwareVersion> ok) {
      FirmwareVersion v = ok.value();
      FirmwareVersion kept =
          new FirmwareVersion(
              text.strip(),
              v.numbers(),
              v.suffix(),
              v.preRelease(),
              v.qualifiers(),
              v.train(),
              v.trainRebuild());
      return Parsed.ok(new Bound(kept, wildcards, openTail));
    }
    return Parsed.malformed(((Parsed.Malformed<FirmwareVersion>) parsed).reason());
  }

  /**
   * Whether this bound is a firmware level alone ({@code FW16}): it is compared with the device's
   * level ({@code (13)} in {@code 03.01.07(13)}), not with its version numbers.
   */
  boolean levelOnly() {
    return version.numbers().isEmpty();
  }

  /**
   * The bound with its wildcards filled in from the device's version; a level-only bound takes the
   * device's version with the bound's level.
   */
  FirmwareVersion against(FirmwareVersion device) {
    if (levelOnly()) {
      List<Qualifier> qualifiers = new ArrayList<>(device.qualifiers());
      qualifiers.removeIf(q -> q.kind() == Qualifier.Kind.LEVEL);
      qualifiers.addAll(version.qualifiers());
      return new FirmwareVersion(
          version.original(),
          device.numbers(),
          device.suffix(),
          device.preRelease(),
          qualifiers,
          device.train(),
          device.trainRebuild());
    }
    if (wildcards.isEmpty()) {
      return version;
    }
    List<Long> numbers = new ArrayList<>(version.numbers());
    for (int i : wildcards) {
      if (i < numbers.size()) {
        numbers.set(i, i < device.numbers().size() ? device.numbers().get(i) : 0L);
      }
    }
    if (!openTail) {
      return withNumbers(numbers, version);
    }
    int tail = wildcards.get(wildcards.size() - 1);
    List<Long> filled = new ArrayList<>(numbers.subList(0, Math.min(tail, numbers.size())));
    if (device.numbers().size() > tail) {
      filled.addAll(device.numbers().subList(tail, device.numbers().size()));
    }
    return withNumbers(filled, device);
  }

  private FirmwareVersion withNumbers(List<Long> numbers, FirmwareVersion rest) {
    return new FirmwareVersion(
        version.original(),
        numbers,
        rest.suffix(),
        rest.preRelease(),
        rest.qualifiers(),
        rest.train(),
        rest.trainRebuild());
  }

  @Override
  public String toString() {
    return version.original();
  }
}
