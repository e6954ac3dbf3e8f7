package io.fieldprint.collector.config;

import io.fieldprint.advisories.prioritise.FeedFile;
import io.fieldprint.advisories.prioritise.KevCatalog;
import io.fieldprint.advisories.prioritise.KevReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code advisories}, {@code correlation} and {@code alerts} sections. */
final class AlertingReader {
  private static final Set<String> TLP_GATED = Set.of("AMBER", "RED");
  private static final Set<String> CONFIDENCE = Set.of("low", "medium", "high");

  private AlertingReader() {}

  static Alerting read(
      Optional<ConfigSection> advisories,
      Optional<ConfigSection> correlation,
      Optional<ConfigSection> alerts,
      Path base) {
    Alerting d = Alerting.DEFAULTS;
    Optional<Path> directory = Optional.empty();
    int maxBatch = d.maxBatchDocuments();
    Optional<KevFile> kev = Optional.empty();
    if (advisories.isPresent()) {
      ConfigSection s = advisories.get();
      Set<String> known = new HashSet<>(AdvisorySyncReader.KEYS);
      known.addAll(Set.of("directory", "maxBatchDocuments", "kevFile"));
      s.rejectUnknownKeys(known);
      kev = s.optionalText("kevFile").flatMap(t -> kev(s, base.resolve(t).normalize()));
      directory = s.optionalText("directory").map(t -> base.resolve(t).normalize());
      directory
          .filter(p -> !Files.isDirectory(p))
          .ifPresent(p -> s.problem("directory", "no directory at " + p));
      maxBatch = s.integer("maxBatchDocuments", maxBatch, 1, 100_000);
    }
    long interval = d.correlationIntervalMillis();
    int batch = d.correlationBatch();
    if (correlation.isPresent()) {
      ConfigSection s = correlation.get();
      s.rejectUnknownKeys(Set.of("intervalMillis", "batchSize"));
      interval = s.number("intervalMillis", interval, 100, 3_600_000);
      batch = s.integer("batchSize", batch, 1, 10_000);
    }
    if (alerts.isEmpty()) {
      return new Alerting(
          directory,
          maxBatch,
          interval,
          batch,
          d.initialBackoffMillis(),
          d.maxBackoffMillis(),
          List.of(),
          List.of(),
          kev);
    }
    ConfigSection s = alerts.get();
    s.rejectUnknownKeys(
        Set.of("destinations", "routes", "initialBackoffMillis", "maxBackoffMillis"));
    List<Destination> destinations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigSection ds : s.list("destinations")) {
      Destination dest = destination(ds, base);
      if (dest != null && !names.add(dest.name())) {
        ds.problem("name", "duplicate destination name " + dest.name());
      } else if (dest != null) {
        destinations.add(dest);
      }
    }
    List<AlertRoute> routes = new ArrayList<>();
    for (ConfigSection rs : s.list("routes")) {
      routes.add(route(rs, names));
    }
    return new Alerting(
        directory,
        maxBatch,
        interval,
        batch,
        s.number("initialBackoffMillis", d.initialBackoffMillis(), 1, 3_600_000),
        s.number("maxBackoffMillis", d.maxBackoffMillis(), 1, 86_400_000),
        destinations,
        routes,
        kev);
  }

  private static Destination destination(ConfigSection s, Path base) {
    String type = s.text("type", "");
    String name = s.text("name", "");
    if (name.isEmpty()) {
      s.problem("name", "is required");
    }
    int attempts = s.integer("maxAttempts", 5, 1, 100);
    Set<String> tlp = new LinkedHashSet<>();
    for (String t : s.strings("allowTlp")) {
      String up = t.toUpperCase(Locale.ROOT);
      if (!TLP_GATED.contains(up)) {
        s.problem("allowTlp", "lists AMBER and/or RED (was " + t + ")");
      }
      tlp.add(up);
    }
    switch (type) {
      case "webhook" -> {
        s.rejectUnknownKeys(Set.of("type", "name", "url", "secretFile", "maxAttempts", "allowTlp"));
        URI url = URI.create("http://invalid");
        try {
          url = URI.create(s.text("url", "http://invalid"));
          if (!Set.of("http", "https").contains(String.valueOf(url.getScheme()))) {
            s.problem("url", "must be an http or https URL");
          }
        } catch (IllegalArgumentException e) {
          s.problem("url", "is not a URL");
        }
        return new Destination.Webhook(name, url, secret(s, base), attempts, tlp);
      }
      case "syslog" -> {
        s.rejectUnknownKeys(
            Set.of(
                "type", "name", "host", "port", "transport", "caFile", "maxAttempts", "allowTlp"));
        String transport = s.text("transport", "udp").toUpperCase(Locale.ROOT);
        if (!Set.of("UDP", "TCP", "TLS").contains(transport)) {
          s.problem("transport", "must be udp, tcp or tls");
          transport = "UDP";
        }
        if (!s.has("port")) {
          s.problem("port", "is required");
        }
        return new Destination.Syslog(
            name,
            s.text("host", "127.0.0.1"),
            s.integer("port", 514, 1, 65535),
            Destination.Transport.valueOf(transport),
            attempts,
            tlp,
            s.has("caFile") ? Optional.of(readable(s, "caFile", base)) : Optional.empty());
      }
      default -> {
        s.problem("type", "must be webhook or syslog");
        return null;
      }
    }
  }

  private static Path readable(ConfigSection s, String key, Path base) {
    Path p = base.resolve(s.text(key, ".")).normalize();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      s.problem(key, "no readable file at " + p);
    }
    return p;
  }

  private static String secret(ConfigSection s, Path base) {
    if (!s.has("secretFile")) {
      s.problem("secretFile", "is required (a file holding the HMAC secret)");
      return "";
    }
    Path file = base.resolve(s.text("secretFile", ".")).normalize();
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.length() < 16) {
        s.problem("secretFile", "the secret must be at least 16 characters");
      }
      return secret;
    } catch (IOException e) {
      s.problem("secretFile", "cannot read " + file);
      return "";
    }
  }

  /** Reads the KEV catalog at {@code file}; a missing or unusable file is a problem. */
  private static Optional<KevFile> kev(ConfigSection s, Path file) {
    try {
      if (Files.size(file) > KevReader.MAX_BYTES) {
        s.problem("kevFile", file + " is larger than " + KevReader.MAX_BYTES + " bytes");
        return Optional.empty();
      }
      FeedFile<KevCatalog> read = KevReader.read(Files.readAllBytes(file));
      if (read instanceof FeedFile.Rejected<KevCatalog> r) {
        s.problem("kevFile", file + " is not a KEV catalog: " + r.reason());
        return Optional.empty();
      }
      return Optional.of(new KevFile(file, ((FeedFile.Parsed<KevCatalog>) read).value()));
    } catch (IOException e) {
      s.problem("kevFile", "cannot read " + file);
      return Optional.empty();
    }
  }

  private static AlertRoute route(ConfigSection s, Set<String> names) {
    s.rejectUnknownKeys(Set.of("site", "destinations", "minConfidence", "minCvss", "kevOnly"));
    String site = s.text("site", "*");
    List<String> dests = s.strings("destinations");
    for (String d : dests) {
      if (!names.contains(d)) {
        s.problem("destinations", "no destination named " + d);
      }
    }
    String min = s.text("minConfidence", "low").toLowerCase(Locale.ROOT);
    if (!CONFIDENCE.contains(min)) {
      s.problem("minConfidence", "must be low, medium or high");
      min = "low";
    }
    return new AlertRoute(site, dests, min, s.decimal("minCvss", 0, 10), s.flag("kevOnly"));
  }
}
