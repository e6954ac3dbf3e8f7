package io.fieldprint.agent.service.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fieldprint.protocols.active.ScanLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the agent's YAML configuration and validates all of it, reporting every problem at once.
 * Relative paths resolve against the directory of the configuration file.
 */
public final class AgentConfigReader {
  private static final long MAX_CONFIG_BYTES = 1024 * 1024;
  private static final int MAX_TOKEN_BYTES = 4096;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.~+/=-]{8,512}");

  /** Reads and validates {@code file}. */
  public AgentConfig read(Path file) throws ConfigException {
    try {
      if (Files.size(file) > MAX_CONFIG_BYTES) {
        throw new ConfigException(List.of(file + ": larger than 1 MiB, not a configuration file"));
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return parse(text, file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
    }
  }

  /** Parses configuration text; relative paths resolve against {@code base}. */
  public AgentConfig parse(String text, Path base) throws ConfigException {
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
            "agentId",
            "site",
            "dataDirectory",
            "collector",
            "capture",
            "replay",
            "scan",
            "reportInterval",
            "outboxMaxBytes",
            "maxDevices",
            "ops",
            "advisories"));
    String agentId = required(top, "agentId", AGENT_ID, "1-64 characters of A-Z a-z 0-9 . _ : -");
    String site = required(top, "site", SITE_ID, "1-64 characters of a-z 0-9 -, first not -");
    if (!top.has("dataDirectory")) {
      top.problem("dataDirectory", "is required (where the outbox and snapshots live)");
    }
    Path data = base.resolve(top.text("dataDirectory", ".")).normalize();
    Optional<CollectorLink> collector = top.section("collector").map(s -> collector(s, base));
    Optional<CaptureSettings> capture = top.section("capture").map(AgentConfigReader::capture);
    Optional<ReplaySettings> replay = top.section("replay").map(s -> replay(s, base));
    Optional<ScanSettings> scan = top.section("scan").map(ScanSettingsReader::read);
    Duration report =
        top.duration(
            "reportInterval",
            AgentConfig.DEFAULT_REPORT_INTERVAL,
            Duration.ofSeconds(1),
            Duration.ofDays(1));
    long outbox =
        top.number(
            "outboxMaxBytes",
            AgentConfig.DEFAULT_OUTBOX_MAX_BYTES,
            1024 * 1024,
            64L * 1024 * 1024 * 1024);
    int maxDevices = (int) top.number("maxDevices", AgentConfig.DEFAULT_MAX_DEVICES, 1, 1_000_000);
    OpsListen ops = ops(top.section("ops"));
    Optional<Path> advisories = top.section("advisories").map(s -> advisoryStore(s, base));
    if (scan.map(ScanSettings::onlySeen).orElse(false) && capture.isEmpty()) {
      problems.add("scan.onlySeen: needs a capture section (nothing would ever be seen)");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AgentConfig(
        agentId,
        site,
        data,
        collector,
        capture,
        replay,
        scan,
        report,
        outbox,
        maxDevices,
        ops,
        advisories);
  }

  private static String required(ConfigSection s, String key, Pattern form, String rule) {
    if (!s.has(key)) {
      s.problem(key, "is required (" + rule + ")");
      return "unset";
    }
    String value = s.text(key, "unset");
    if (!form.matcher(value).matches()) {
      s.problem(key, "must be " + rule + " (was '" + value + "')");
    }
    return value;
  }

  private static CollectorLink collector(ConfigSection s, Path base) {
    s.rejectUnknownKeys(
        Set.of(
            "url",
            "tokenFile",
            "caCertificate",
            "clientCertificate",
            "clientKey",
            "retryBase",
            "retryMax",
            "requestTimeout"));
    URI url = URI.create("http://unset");
    if (!s.has("url")) {
      s.problem("url", "is required (https://host:port of the collector)");
    } else {
      url = url(s);
    }
    Optional<CollectorLink.ClientCertificate> clientCertificate = clientCertificate(s, base, url);
    Optional<String> token = Optional.empty();
    if (s.has("tokenFile")) {
      token = Optional.of(token(s, base.resolve(s.text("tokenFile", ".")).normalize()));
    } else if (clientCertificate.isEmpty()) {
      s.problem(
          "tokenFile",
          "is required (a file holding the agent token fpa_...) unless clientCertificate and"
              + " clientKey are set");
    }
    Duration retryBase =
        s.duration(
            "retryBase",
            CollectorLink.DEFAULT_RETRY_BASE,
            Duration.ofMillis(100),
            Duration.ofMinutes(10));
    Duration retryMax =
        s.duration(
            "retryMax",
            CollectorLink.DEFAULT_RETRY_MAX,
            Duration.ofMillis(100),
            Duration.ofHours(6));
    if (retryMax.compareTo(retryBase) < 0) {
      s.problem("retryMax", "must not be below retryBase");
    }
    Duration timeout =
        s.duration(
            "requestTimeout",
            CollectorLink.DEFAULT_REQUEST_TIMEOUT,
            Duration.ofSeconds(1),
            Duration.ofMinutes(10));
    Optional<Path> ca = Optional.empty();
    if (s.has("caCertificate")) {
      Path file = base.resolve(s.text("caCertificate", ".")).normalize();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        s.problem("caCertificate", "no readable PEM file at " + file);
      }
      if (!"https".equals(url.getScheme())) {
        s.problem("caCertificate", "only applies to an https url");
      }
      ca = Optional.of(file);
    }
    return new CollectorLink(url, token, retryBase, retryMax, timeout, ca, clientCertificate);
  }

  /** {@code clientCertificate} and {@code clientKey}: both or neither, for an https url. */
  private static Optional<CollectorLink.ClientCertificate> clientCertificate(
      ConfigSection s, Path base, URI url) {
    if (!s.has("clientCertificate") && !s.has("clientKey")) {
      return Optional.empty();
    }
    for (String key : List.of("clientCertificate", "clientKey")) {
      if (!s.has(key)) {
        s.problem(
            key,
            "is required with " + (key.equals("clientKey") ? "clientCertificate" : "clientKey"));
        return Optional.empty();
      }
    }
    Path cert = base.resolve(s.text("clientCertificate", ".")).normalize();
    Path key = base.resolve(s.text("clientKey", ".")).normalize();
    for (Path file : List.of(cert, key)) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        s.problem(
            file == cert ? "clientCertificate" : "clientKey", "no readable PEM file at " + file);
      }
    }
    if (!"https".equals(url.getScheme())) {
      s.problem("clientCertificate", "only applies to an https url");
    }
    return Optional.of(new CollectorLink.ClientCertificate(cert, key));
  }

  private static URI url(ConfigSection s) {
    String text = s.text("url", "http://unset");
    try {
      URI url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())
          || url.getHost() == null) {
        s.problem("url", "must be http(s)://host[:port] (was '" + text + "')");
      }
      return url;
    } catch (URISyntaxException e) {
      s.problem("url", "is not a URL: " + e.getMessage());
      return URI.create("http://unset");
    }
  }

  private static String token(ConfigSection s, Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_TOKEN_BYTES) {
        s.problem("tokenFile", "no readable token file at " + file);
        return "unset-token";
      }
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!TOKEN.matcher(token).matches()) {
        s.problem("tokenFile", file + " does not hold one token on one line");
      }
      return token;
    } catch (IOException e) {
      s.problem("tokenFile", "cannot read " + file + " (" + e.getMessage() + ")");
      return "unset-token";
    }
  }

  private static CaptureSettings capture(ConfigSection s) {
    s.rejectUnknownKeys(Set.of("interfaces", "filter", "snaplen", "promiscuous"));
    List<String> interfaces = s.texts("interfaces");
    if (interfaces.isEmpty()) {
      s.problem("interfaces", "is required: at least one interface name, e.g. [eth1]");
    }
    String filter = s.has("filter") ? s.text("filter", "") : "";
    int snaplen = s.integer("snaplen", CaptureSettings.DEFAULT_SNAPLEN, 64, 262144);
    boolean promiscuous = s.flag("promiscuous", true);
    return new CaptureSettings(interfaces, filter, snaplen, promiscuous);
  }

  private static Path advisoryStore(ConfigSection s, Path base) {
    s.rejectUnknownKeys(Set.of("store"));
    if (!s.has("store")) {
      s.problem("store", "is required with advisories (a store of fieldprint advisories import)");
      return base;
    }
    Path file = base.resolve(s.text("store", ".")).normalize();
    if (!Files.isRegularFile(file)) {
      s.problem("store", "no advisory store at " + file + " (fieldprint advisories import)");
    }
    return file;
  }

  private static ReplaySettings replay(ConfigSection s, Path base) {
    s.rejectUnknownKeys(Set.of("files", "rate"));
    List<Path> files = new ArrayList<>();
    for (String name : s.texts("files")) {
      Path file = base.resolve(name).normalize();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        s.problem("files", "no readable capture file at " + file);
      }
      files.add(file);
    }
    if (files.isEmpty()) {
      s.problem("files", "is required: at least one pcap or pcapng file");
      files.add(base);
    }
    int rate = s.integer("rate", ReplaySettings.DEFAULT_RATE, 1, ReplaySettings.MAX_RATE);
    return new ReplaySettings(files, rate);
  }

  private static OpsListen ops(Optional<ConfigSection> section) {
    if (section.isEmpty()) {
      return new OpsListen(OpsListen.DEFAULT_HOST, OpsListen.DEFAULT_PORT);
    }
    ConfigSection s = section.get();
    s.rejectUnknownKeys(Set.of("host", "port"));
    return new OpsListen(
        s.text("host", OpsListen.DEFAULT_HOST),
        s.integer("port", OpsListen.DEFAULT_PORT, 0, 65535));
  }

  /** Validates scan limits the way the scan command does. */
  static ScanLimits limits(ConfigSection s) {
    s.rejectUnknownKeys(Set.of("rate", "timeout", "unitIds", "minGap"));
    var builder = ScanLimits.builder();
    ScanLimits d = ScanLimits.defaults();
    builder.maxRequestsPerSecond(s.integer("rate", d.maxRequestsPerSecond(), 1, 100));
    builder.requestTimeout(
        s.duration("timeout", d.requestTimeout(), Duration.ofMillis(500), Duration.ofSeconds(30)));
    builder.minGap(s.duration("minGap", d.minGap(), Duration.ofMillis(100), Duration.ofMinutes(1)));
    builder.unitIds(s.integers("unitIds", d.unitIds()));
    ScanLimits limits = builder.build();
    limits.validate().forEach(p -> s.problem("limits", p));
    return limits;
  }
}
