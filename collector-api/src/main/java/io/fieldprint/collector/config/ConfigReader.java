package io.fieldprint.collector.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the collector's YAML configuration and validates all of it, reporting every problem at
 * once. Relative paths resolve against the directory of the configuration file (the data directory)
 * or against the data directory (the SQLite file).
 */
public final class ConfigReader {
  private static final long MAX_CONFIG_BYTES = 1024 * 1024;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads and validates {@code file}. */
  public CollectorConfig read(Path file) throws ConfigException {
    try {
      if (Files.size(file) > MAX_CONFIG_BYTES) {
        throw new ConfigException(List.of(file + ": larger than 1 MiB, not a configuration file"));
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Path base = file.toAbsolutePath().getParent();
      return parse(text, base);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
    }
  }

  /** Parses configuration text; relative paths resolve against {@code base}. */
  public CollectorConfig parse(String text, Path base) throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(
          List.of(
              "not valid YAML at line "
                  + e.getLocation().getLineNr()
                  + ": "
                  + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(List.of("the configuration must be a YAML mapping"));
    }
    List<String> problems = new ArrayList<>();
    ConfigSection top = new ConfigSection("", root, problems);
    top.rejectUnknownKeys(
        Set.of(
            "listen",
            "tls",
            "dataDirectory",
            "storage",
            "limits",
            "advisories",
            "correlation",
            "alerts",
            "silence"));
    Listen listen = listen(top.section("listen"));
    Optional<Tls> tls = top.section("tls").map(s -> tls(s, base));
    if (!top.has("dataDirectory")) {
      top.problem("dataDirectory", "is required (where the database and the admin token live)");
    }
    Path data = base.resolve(top.text("dataDirectory", ".")).normalize();
    Storage storage = storage(top.section("storage"), data, base);
    RequestLimits limits = limits(top.section("limits"));
    Optional<ConfigSection> advisories = top.section("advisories");
    Alerting alerting =
        AlertingReader.read(advisories, top.section("correlation"), top.section("alerts"), base);
    AdvisorySync sync = AdvisorySyncReader.read(advisories, base);
    Silence silence = silence(top.section("silence"));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CollectorConfig(listen, tls, data, storage, limits, alerting, sync, silence);
  }

  private static Listen listen(Optional<ConfigSection> section) {
    if (section.isEmpty()) {
      return new Listen(Listen.DEFAULT_HOST, Listen.DEFAULT_PORT);
    }
    ConfigSection s = section.get();
    s.rejectUnknownKeys(Set.of("host", "port"));
    return new Listen(
        s.text("host", Listen.DEFAULT_HOST), s.integer("port", Listen.DEFAULT_PORT, 0, 65535));
  }

  private static Tls tls(ConfigSection s, Path base) {
    s.rejectUnknownKeys(Set.of("certificate", "key", "clientCa", "clientAuth"));
    Path cert = readableFile(s, "certificate", base);
    Path key = readableFile(s, "key", base);
    Optional<Path> clientCa =
        s.has("clientCa") ? Optional.of(readableFile(s, "clientCa", base)) : Optional.empty();
    String mode = s.text("clientAuth", clientCa.isPresent() ? "optional" : "none");
    Tls.ClientAuth clientAuth = Tls.ClientAuth.NONE;
    try {
      clientAuth = Tls.ClientAuth.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      s.problem("clientAuth", "must be none, optional or required");
    }
    if (clientAuth != Tls.ClientAuth.NONE && clientCa.isEmpty()) {
      s.problem("clientCa", "is required when clientAuth is " + clientAuth.wire());
      clientAuth = Tls.ClientAuth.NONE;
    }
    return new Tls(cert, key, clientCa, clientAuth);
  }

  private static Path readableFile(ConfigSection s, String key, Path base) {
    if (!s.has(key)) {
      s.problem(key, "is required");
      return base;
    }
    Path p = base.resolve(s.text(key, ".")).normalize();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      s.problem(key, "no readable file at " + p);
    }
    return p;
  }

  private static Storage storage(Optional<ConfigSection> section, Path data, Path base) {
    Path defaultFile = data.resolve(Storage.DEFAULT_SQLITE_FILE);
    if (section.isEmpty()) {
      return new Storage(
          Storage.Kind.SQLITE, defaultFile, Optional.empty(), Storage.DEFAULT_POOL_SIZE);
    }
    ConfigSection s = section.get();
    s.rejectUnknownKeys(Set.of("kind", "sqliteFile", "postgresql", "poolSize"));
    String kindText = s.text("kind", "sqlite").toLowerCase(Locale.ROOT);
    Storage.Kind kind = Storage.Kind.SQLITE;
    if (kindText.equals("postgresql")) {
      kind = Storage.Kind.POSTGRESQL;
    } else if (!kindText.equals("sqlite")) {
      s.problem("kind", "must be sqlite or postgresql (was " + kindText + ")");
    }
    Path file = data.resolve(s.text("sqliteFile", Storage.DEFAULT_SQLITE_FILE)).normalize();
    Optional<Storage.Postgresql> pg = s.section("postgresql").map(p -> postgresql(p, base));
    if (kind == Storage.Kind.POSTGRESQL && pg.isEmpty()) {
      s.problem("postgresql", "is required when kind is postgresql");
    }
    int pool = s.integer("poolSize", Storage.DEFAULT_POOL_SIZE, 1, 256);
    return new Storage(kind, file, pg, pool);
  }

  private static Storage.Postgresql postgresql(ConfigSection s, Path base) {
    s.rejectUnknownKeys(Set.of("url", "user", "passwordFile"));
    if (!s.has("url")) {
      s.problem("url", "is required (jdbc:postgresql://host:5432/database)");
    }
    String url = s.text("url", "jdbc:postgresql://localhost:5432/fieldprint");
    if (!url.startsWith("jdbc:postgresql:")) {
      s.problem("url", "must start with jdbc:postgresql:");
    }
    String user = s.text("user", "fieldprint");
    Optional<String> password = Optional.empty();
    if (s.has("passwordFile")) {
      Path file = readableFile(s, "passwordFile", base);
      try {
        password = Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        s.problem("passwordFile", "cannot read " + file);
      }
    }
    return new Storage.Postgresql(url, user, password);
  }

  private static Silence silence(Optional<ConfigSection> section) {
    Silence d = Silence.DEFAULTS;
    if (section.isEmpty()) {
      return d;
    }
    ConfigSection s = section.get();
    s.rejectUnknownKeys(Set.of("checkIntervalSeconds", "thresholdMinutes"));
    long interval = s.number("checkIntervalSeconds", d.checkInterval().toSeconds(), 10, 86_400);
    long threshold = s.number("thresholdMinutes", d.threshold().toMinutes(), 1, 525_600);
    if (threshold * 60 < interval) {
      s.problem("thresholdMinutes", "must be at least the check interval (" + interval + " s)");
      return d;
    }
    return new Silence(Duration.ofSeconds(interval), Duration.ofMinutes(threshold));
  }

  private static RequestLimits limits(Optional<ConfigSection> section) {
    RequestLimits d = RequestLimits.DEFAULTS;
    if (section.isEmpty()) {
      return d;
    }
    ConfigSection s = section.get();
    s.rejectUnknownKeys(
        Set.of(
            "maxBodyBytes",
            "maxAssetsPerReport",
            "maxFindingsPerReport",
            "maxArrayLength",
            "maxStringLength",
            "maxDepth",
            "maxPageSize"));
    return new RequestLimits(
        s.number("maxBodyBytes", d.maxBodyBytes(), 1024, 1L << 30),
        s.integer("maxAssetsPerReport", d.maxAssetsPerReport(), 1, 1_000_000),
        s.integer("maxFindingsPerReport", d.maxFindingsPerReport(), 1, 10_000_000),
        s.integer("maxArrayLength", d.maxArrayLength(), 1, 1_000_000),
        s.integer("maxStringLength", d.maxStringLength(), 16, 10_000_000),
        s.integer("maxDepth", d.maxDepth(), 4, 256),
        s.integer("maxPageSize", d.maxPageSize(), 1, 10_000));
  }
}
