package io.fieldprint.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fieldprint.agent.service.config.AgentConfig;
import io.fieldprint.agent.service.config.AgentConfigReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of {@code docker/} refer to what the build produces and keep the promised hardening. No
 * container engine runs here: the Dockerfiles and the compose file are parsed and checked.
 */
class DockerArtefactsTest {
  private static final Path DOCKER = BuildOutputs.ROOT.resolve("docker");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern COPY_FROM = Pattern.compile("--from=(\\S+)\\s+(\\S+)\\s+(\\S+)");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"|]+");

  @TempDir Path tmp;

  private static Dockerfile agentImage() throws Exception {
    return Dockerfile.read(DOCKER.resolve("agent.Dockerfile"));
  }

  private static Dockerfile collectorImage() throws Exception {
    return Dockerfile.read(DOCKER.resolve("collector.Dockerfile"));
  }

  private static JsonNode compose() throws Exception {
    return YAML.readTree(DOCKER.resolve("compose.yaml").toFile());
  }

  @Test
  void theImagesCopyExactlyTheJarsTheMavenBuildProduces() throws Exception {
    BuildOutputs outputs = BuildOutputs.read();
    assertEquals(
        List.of("/src/" + outputs.agentJar()), copiedFromBuildStage(agentImage()), "agent image");
    assertEquals(
        List.of("/src/" + outputs.collectorJar()),
        copiedFromBuildStage(collectorImage()),
        "collector image");
    String launcher = Files.readString(BuildOutputs.ROOT.resolve("fieldprint"));
    assertTrue(launcher.contains("/" + outputs.agentJar() + "\""), "launcher runs the same jar");
    assertTrue(launcher.contains("/" + outputs.collectorJar() + "\""), "launcher: collector jar");
  }

  private static List<String> copiedFromBuildStage(Dockerfile file) {
    List<String> sources = new ArrayList<>();
    String buildStage = file.stages().get(0).name();
    assertTrue(
        file.stages().get(0).arguments("RUN").stream().anyMatch(r -> r.contains("mvn ")),
        "the first stage runs the Maven build");
    for (Dockerfile.Stage stage : file.stages()) {
      for (String copy : stage.arguments("COPY")) {
        Matcher m = COPY_FROM.matcher(copy);
        if (m.find()) {
          assertEquals(buildStage, m.group(1), copy);
          sources.add(m.group(2));
        }
      }
    }
    return sources;
  }

  @Test
  void everyFileCopiedFromTheBuildContextExistsInTheRepository() throws Exception {
    for (Dockerfile file : List.of(agentImage(), collectorImage())) {
      for (Dockerfile.Stage stage : file.stages()) {
        for (String copy : stage.arguments("COPY")) {
          if (copy.startsWith("--from=")) {
            continue;
          }
          String[] words = copy.split("\\s+");
          for (int i = 0; i < words.length - 1; i++) {
            Path source = BuildOutputs.ROOT.resolve(words[i]);
            assertTrue(Files.exists(source), "COPY source missing: " + words[i]);
          }
        }
      }
    }
  }

  @Test
  void everyImageThatRunsSomethingRunsItAsTheNonRootUserFieldprint() throws Exception {
    List<Dockerfile.Stage> running = new ArrayList<>();
    for (Dockerfile file : List.of(agentImage(), collectorImage())) {
      file.stages().stream()
          .filter(s -> !s.arguments("ENTRYPOINT").isEmpty())
          .forEach(running::add);
    }
    assertEquals(3, running.size(), "agent, plant and collector");
    for (Dockerfile.Stage stage : running) {
      assertEquals("fieldprint", stage.user(), stage.name());
      assertFalse(stage.base().contains("maven"), "the runtime is not the build image");
    }
    String runtime = String.join(" ", agentImage().stage("runtime").arguments("RUN"));
    assertTrue(runtime.contains("useradd --system --uid 10001"), runtime);
    String collector = String.join(" ", collectorImage().last().arguments("RUN"));
    assertTrue(collector.contains("useradd --system --uid 10001"), collector);
  }

  @Test
  void onlyTheAgentImageGrantsACapabilityAndThatIsNetRawAlone() throws Exception {
    List<String> setcaps = new ArrayList<>();
    for (Dockerfile file : List.of(agentImage(), collectorImage())) {
      for (Dockerfile.Stage stage : file.stages()) {
        for (String run : stage.arguments("RUN")) {
          Matcher m = Pattern.compile("setcap\\s+(\\S+)").matcher(run);
          while (m.find()) {
            setcaps.add(stage.name() + ":" + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of("agent:cap_net_raw+ep"), setcaps);
    String entrypoint = String.join(" ", agentImage().last().arguments("ENTRYPOINT"));
    String options = BuildOutputs.launcherAgentOptions();
    assertTrue(
        entrypoint.replace("\", \"", " ").startsWith("[\"java " + options + " "),
        "the launcher's agent JVM options " + options + ": " + entrypoint);
    assertEquals(
        List.of("MALLOC_ARENA_MAX=" + BuildOutputs.launcherAgentMallocArenas()),
        agentImage().last().arguments("ENV"),
        "the launcher's malloc arenas");
    assertEquals("agent", agentImage().last().name(), "the default target is the agent");
  }

  @Test
  void composeDropsEveryCapabilityAndAddsOnlyNetRawToTheAgent() throws Exception {
    JsonNode services = compose().path("services");
    assertEquals(
        Set.of("collector", "enroll", "plant", "agent"), fieldNames(services), "the services");
    for (Map.Entry<String, JsonNode> s : entries(services)) {
      assertEquals(List.of("ALL"), texts(s.getValue().path("cap_drop")), s.getKey());
      List<String> added = texts(s.getValue().path("cap_add"));
      assertEquals(s.getKey().equals("agent") ? List.of("NET_RAW") : List.of(), added, s.getKey());
      assertTrue(s.getValue().path("read_only").asBoolean(), s.getKey() + " read-only root");
      if (!s.getKey().equals("agent")) { // the agent needs its file capability
        assertEquals(
            List.of("no-new-privileges:true"),
            texts(s.getValue().path("security_opt")),
            s.getKey());
      }
    }
  }

  @Test
  void healthChecksAskTheHealthEndpointOnThePortsTheConfigurationsOpen() throws Exception {
    JsonNode services = compose().path("services");
    JsonNode collectorConfig = YAML.readTree(DOCKER.resolve("config/collector.yaml").toFile());
    int collectorPort = collectorConfig.path("listen").path("port").asInt();
    AgentConfig agent = agentConfig();
    assertEquals(
        URI.create("http://127.0.0.1:" + collectorPort + "/health"),
        healthUrl(
            String.join(" ", texts(services.path("collector").path("healthcheck").path("test")))));
    assertEquals(
        URI.create("http://127.0.0.1:" + agent.ops().port() + "/health"),
        healthUrl(
            String.join(" ", texts(services.path("agent").path("healthcheck").path("test")))));
    assertEquals(
        URI.create("http://127.0.0.1:" + agent.ops().port() + "/health"),
        healthUrl(String.join(" ", agentImage().last().arguments("HEALTHCHECK"))));
    assertEquals(
        URI.create("http://127.0.0.1:" + collectorPort + "/health"),
        healthUrl(String.join(" ", collectorImage().last().arguments("HEALTHCHECK"))));
    assertEquals(
        "collector:" + collectorPort,
        agent.collector().orElseThrow().url().getAuthority(),
        "the agent reports to the compose service");
  }

  @Test
  void theComposeAgentConfigurationPassesTheAgentsOwnValidation() throws Exception {
    AgentConfig agent = agentConfig();
    assertEquals(List.of("lo"), agent.capture().orElseThrow().interfaces());
    assertEquals(Path.of("/var/lib/fieldprint-agent"), agent.dataDirectory());
  }

  /** The compose agent.yaml with its token file (written by the enrolment) replaced. */
  private AgentConfig agentConfig() throws Exception {
    Path token = tmp.resolve("agent-token");
    Files.writeString(token, "fpa_0123456789abcdef\n");
    String text =
        Files.readString(DOCKER.resolve("config/agent.yaml"), StandardCharsets.UTF_8)
            .replace("/run/fieldprint/agent-token", token.toString());
    assertFalse(
        Files.readString(DOCKER.resolve("config/agent.yaml")).equals(text),
        "agent.yaml reads the token the enrolment writes");
    return new AgentConfigReader().parse(text, tmp);
  }

  @Test
  void composeBuildsFromTheDockerfilesAndMountsOnlyFilesOfTheRepository() throws Exception {
    for (Map.Entry<String, JsonNode> s : entries(compose().path("services"))) {
      JsonNode build = s.getValue().path("build");
      if (!build.isMissingNode()) {
        Path context = DOCKER.resolve(build.path("context").asText()).normalize();
        assertEquals(BuildOutputs.ROOT.normalize(), context, s.getKey() + " builds the repo");
        Dockerfile file = Dockerfile.read(context.resolve(build.path("dockerfile").asText()));
        if (build.has("target")) {
          file.stage(build.path("target").asText());
        }
      }
      for (String volume : texts(s.getValue().path("volumes"))) {
        if (volume.startsWith("./")) {
          Path source = DOCKER.resolve(volume.substring(0, volume.indexOf(':')));
          assertTrue(Files.isRegularFile(source), s.getKey() + " mounts a missing " + source);
        }
      }
    }
  }

  private static URI healthUrl(String command) {
    Matcher m = URL.matcher(command);
    assertTrue(m.find(), "no URL in " + command);
    return URI.create(m.group());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.fields().forEachRemaining(out::add);
    return out;
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
