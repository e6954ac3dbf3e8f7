package io.fieldprint.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The systemd units of {@code packaging/systemd} keep their hardening: parsed here, and checked by
 * {@code systemd-analyze} where it is installed.
 */
class SystemdUnitTest {
  private static final Path UNITS = BuildOutputs.ROOT.resolve("packaging/systemd");
  private static final Path AGENT = UNITS.resolve("fieldprint-agent.service");
  private static final Path COLLECTOR = UNITS.resolve("fieldprint-collector.service");
  private static final Pattern EXPOSURE =
      Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)");

  /** Every key of the [Service] section with all its values in order. */
  private static Map<String, List<String>> service(Path unit) throws IOException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    String section = "";
    for (String raw : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        section = line;
      } else if (section.equals("[Service]") && !line.isEmpty() && !line.startsWith("#")) {
        int eq = line.indexOf('=');
        keys.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
            .add(line.substring(eq + 1));
      }
    }
    return keys;
  }

  private static String one(Map<String, List<String>> keys, String key) {
    List<String> values = keys.getOrDefault(key, List.of());
    assertEquals(1, values.size(), key + " set once");
    return values.get(0);
  }

  @Test
  void theAgentRunsAsItsOwnUserWithCapNetRawAloneAndAReadOnlySystem() throws Exception {
    Map<String, List<String>> s = service(AGENT);
    assertEquals("fieldprint-agent", one(s, "User"));
    assertEquals("CAP_NET_RAW", one(s, "AmbientCapabilities"));
    assertEquals("CAP_NET_RAW", one(s, "CapabilityBoundingSet"));
    assertEquals("yes", one(s, "NoNewPrivileges"));
    assertEquals("strict", one(s, "ProtectSystem"));
    assertEquals("yes", one(s, "ProtectHome"));
    assertEquals("yes", one(s, "PrivateTmp"));
    assertEquals("fieldprint-agent", one(s, "StateDirectory"));
    assertEquals("/var/lib/fieldprint-agent", one(s, "ReadWritePaths"));
    assertEquals(
        List.of("AF_INET", "AF_INET6", "AF_UNIX", "AF_PACKET", "AF_NETLINK"),
        List.of(one(s, "RestrictAddressFamilies").split("\\s+")));
    assertEquals(List.of("@system-service", "~@privileged"), s.get("SystemCallFilter"));
    assertTrue(one(s, "MemoryMax").endsWith("M"), "memory capped");
    assertFalse(s.containsKey("PrivateUsers"), "capabilities must count on the host namespace");
  }

  @Test
  void theAgentStartsTheJarTheBuildProducesAndReadsItsTokenAsACredential() throws Exception {
    Map<String, List<String>> s = service(AGENT);
    String exec = one(s, "ExecStart");
    String jar = Path.of(BuildOutputs.read().agentJar()).getFileName().toString();
    assertTrue(exec.contains("-jar /opt/fieldprint/" + jar + " agent --config "), exec);
    assertTrue(
        exec.startsWith("/usr/bin/java " + BuildOutputs.launcherAgentOptions() + " "),
        "the launcher's JVM options: " + exec);
    assertEquals(
        "MALLOC_ARENA_MAX=" + BuildOutputs.launcherAgentMallocArenas(),
        one(s, "Environment"),
        "the launcher's malloc arenas");
    assertEquals("agent-token:/etc/fieldprint/agent-token", one(s, "LoadCredential"));
    assertEquals("2", one(s, "RestartPreventExitStatus"), "a config error is not retried");
  }

  @Test
  void theCollectorRunsWithoutAnyCapability() throws Exception {
    Map<String, List<String>> s = service(COLLECTOR);
    assertEquals("fieldprint", one(s, "User"));
    assertEquals("", one(s, "CapabilityBoundingSet"));
    assertEquals("yes", one(s, "NoNewPrivileges"));
    assertEquals("strict", one(s, "ProtectSystem"));
    String jar = Path.of(BuildOutputs.read().collectorJar()).getFileName().toString();
    assertTrue(one(s, "ExecStart").contains("-jar /opt/fieldprint/" + jar + " --config "));
  }

  @Test
  void systemdAnalyzeFindsNoErrorAndRatesBothUnitsExposureOk() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
        "SKIPPED: systemd-analyze is not installed here");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/java")),
        "SKIPPED: verify checks ExecStart's /usr/bin/java, absent here");
    for (Path unit : List.of(AGENT, COLLECTOR)) {
      Result verify = run("systemd-analyze", "verify", unit.toString());
      assertEquals("", verify.output().strip(), unit + ": " + verify.output());
      assertEquals(0, verify.exit(), unit + ": " + verify.output());
      Result security = run("systemd-analyze", "security", "--offline=true", unit.toString());
      Matcher m = EXPOSURE.matcher(security.output());
      assertTrue(m.find(), security.output());
      double exposure = Double.parseDouble(m.group(1));
      assertTrue(exposure <= 2.0, unit + " exposure " + exposure + " (at most 2.0, 'OK')");
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
