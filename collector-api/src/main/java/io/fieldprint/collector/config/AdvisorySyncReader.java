package io.fieldprint.collector.config;

import io.fieldprint.advisories.sync.Distribution;
import io.fieldprint.advisories.sync.ProviderConfig;
import io.fieldprint.advisories.sync.ProviderConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sync keys of the {@code advisories} section: {@code providers} (each a provider file in
 * the format of {@code config/csaf-providers/*.json}, or the same keys inline in camelCase), {@code
 * schemaDirectory}, {@code syncInterval}, {@code syncRequestGapMillis} and {@code
 * maxSyncDocumentsPerRun}.
 */
final class AdvisorySyncReader {
  static final Set<String> KEYS =
      Set.of(
          "providers",
          "schemaDirectory",
          "syncInterval",
          "syncRequestGapMillis",
          "maxSyncDocumentsPerRun");
  private static final Set<String> INLINE =
      Set.of(
          "name",
          "metadataUrl",
          "keyFingerprints",
          "keyFiles",
          "trustOnFirstUse",
          "requireSignatures",
          "requireHashes",
          "distribution");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(s|m|h|d)");

  private AdvisorySyncReader() {}

  static AdvisorySync read(Optional<ConfigSection> advisories, Path base) {
    if (advisories.isEmpty()) {
      return AdvisorySync.NONE;
    }
    ConfigSection s = advisories.get();
    List<ProviderConfig> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigSection p : s.list("providers")) {
      Optional<ProviderConfig> provider = p.has("file") ? fromFile(p, base) : inline(p, base);
      provider.ifPresent(
          c -> {
            if (!names.add(c.name())) {
              p.problem("name", "provider '" + c.name() + "' is configured twice");
            }
            providers.add(c);
          });
    }
    Optional<Path> schema = s.optionalText("schemaDirectory").map(t -> base.resolve(t).normalize());
    schema
        .filter(d -> !Files.isRegularFile(d.resolve("csaf_json_schema.json")))
        .ifPresent(
            d ->
                s.problem(
                    "schemaDirectory",
                    "no csaf_json_schema.json in " + d + " (OASIS CSAF 2.0 folder)"));
    Duration interval = duration(s, "syncInterval", AdvisorySync.DEFAULT_INTERVAL);
    long gap =
        s.number("syncRequestGapMillis", AdvisorySync.DEFAULT_REQUEST_GAP.toMillis(), 0, 60_000);
    int max = s.integer("maxSyncDocumentsPerRun", AdvisorySync.DEFAULT_MAX_DOCUMENTS, 1, 1_000_000);
    return new AdvisorySync(providers, schema, interval, Duration.ofMillis(gap), max);
  }

  private static Optional<ProviderConfig> fromFile(ConfigSection p, Path base) {
    p.rejectUnknownKeys(Set.of("file"));
    Path file = base.resolve(p.text("file", ".")).normalize();
    if (!Files.isRegularFile(file)) {
      p.problem("file", "no provider file at " + file);
      return Optional.empty();
    }
    try {
      ProviderConfigs.Loaded loaded = ProviderConfigs.loadFile(file);
      loaded.problems().forEach(problem -> p.problem("file", problem));
      return loaded.providers().stream().findFirst();
    } catch (IOException e) {
      p.problem("file", "cannot read " + file);
      return Optional.empty();
    }
  }

  private static Optional<ProviderConfig> inline(ConfigSection p, Path base) {
    p.rejectUnknownKeys(INLINE);
    List<Path> keyFiles = new ArrayList<>();
    for (String f : p.strings("keyFiles")) {
      Path file = base.resolve(f).normalize();
      if (!Files.isRegularFile(file)) {
        p.problem("keyFiles", "no key file at " + file);
      }
      keyFiles.add(file);
    }
    try {
      return Optional.of(
          new ProviderConfig(
              p.text("name", ""),
              URI.create(p.text("metadataUrl", "")),
              new TreeSet<>(p.strings("keyFingerprints")),
              keyFiles,
              p.flag("trustOnFirstUse"),
              !p.has("requireSignatures") || p.flag("requireSignatures"),
              !p.has("requireHashes") || p.flag("requireHashes"),
              Distribution.valueOf(p.text("distribution", "auto").toUpperCase(Locale.ROOT))));
    } catch (IllegalArgumentException e) {
      p.problem(e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 6h} or {@code 1d}, between 1s and 30d. */
  private static Duration duration(ConfigSection s, String key, Duration fallback) {
    if (!s.has(key)) {
      return fallback;
    }
    Matcher m = DURATION.matcher(s.text(key, ""));
    if (!m.matches()) {
      s.problem(key, "must be a number and a unit s, m, h or d (e.g. 6h)");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
      s.problem(key, "must be between 1s and 30d");
      return fallback;
    }
    return d;
  }
}
