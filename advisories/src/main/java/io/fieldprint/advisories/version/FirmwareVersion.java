package io.fieldprint.advisories.version;

import io.fieldprint.protocols.decode.Parsed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A firmware version as a device reports it or an advisory writes it, normalised into an ordered
 * form while keeping the original text.
 *
 * <p>Order: numeric core ({@code 4.3} equals {@code 4.3.0}; leading zeros do not count), then a
 * letter suffix ({@code 2.74} &lt; {@code 2.74C} &lt; {@code 2.75}), then a pre-release tag ({@code
 * 1.0.0-beta} &lt; {@code 1.0.0}), then qualifiers in the order of {@link Qualifier.Kind} (a
 * missing qualifier is 0, so {@code V5.2} &lt; {@code V5.2 SP3 HF12} &lt; {@code V5.2 SP3 HF13}
 * &lt; {@code V5.2 SP4}). Cisco IOS releases such as {@code 15.2(4a)EA5} carry a {@code train} and
 * only compare with releases of the same train.
 *
 * @param original the text as given (trimmed)
 * @param numbers the numeric core, e.g. [5, 2] for {@code V5.2 SP 3}
 * @param suffix letters glued to the core ({@code C} in {@code 2.74C}, {@code a} in {@code
 *     15.2(4a)}), or empty
 * @param preRelease a pre-release tag such as {@code beta} or {@code rc1}, or empty
 * @param qualifiers service pack, update, hotfix, patch and build numbers in written order
 * @param train the Cisco IOS train letters ({@code EA}), or empty for ordinary versions
 * @param trainRebuild the number after the train letters ({@code 5} in {@code EA5})
 */
public record FirmwareVersion(
    String original,
    List<Long> numbers,
    String suffix,
    String preRelease,
    List<Qualifier> qualifiers,
    String train,
    long trainRebuild) {

  /** Longest text accepted as a version. */
  public static final int MAX_LENGTH = 128;

  public FirmwareVersion {
    numbers = List.copyOf(numbers);
    qualifiers = List.copyOf(qualifiers);
  }

  /** Parses a version; never throws. Unparseable text gives a reason naming what was wrong. */
  public static Parsed<FirmwareVersion> parse(String text) {
    return FirmwareVersionParser.parse(text);
  }

  /** Whether this is a Cisco IOS train release. */
  public boolean isCiscoTrain() {
    return !train.isEmpty();
  }

  /** The value of a qualifier, 0 when absent. */
  public long qualifier(Qualifier.Kind kind) {
    return qualifiers.stream().filter(q -> q.kind() == kind).mapToLong(Qualifier::number).sum();
  }

  /** The normalised form, e.g. {@code 5.2 SP3 HF13} for {@code V5.2 SP 3 HF 13}. */
  public String normalised() {
    StringBuilder out = new StringBuilder();
    out.append(numbers.stream().map(String::valueOf).collect(Collectors.joining(".")));
    out.append(suffix);
    if (isCiscoTrain()) {
      out.append(train).append(trainRebuild);
    }
    if (!preRelease.isEmpty()) {
      out.append('-').append(preRelease);
    }
    qualifiers.forEach(q -> out.append(' ').append(q));
    return out.toString();
  }

  @Override
  public String toString() {
    return original;
  }
}
