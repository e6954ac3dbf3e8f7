package io.fieldprint.agent.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable jars the Maven build produces, read from the poms (the shade plugin's {@code
 * outputFile} of the agent, its {@code finalName} in the collector), relative to the repository.
 */
record BuildOutputs(String agentJar, String collectorJar) {
  static final Path ROOT = Path.of(System.getProperty("fieldprint.root", "..")).toAbsolutePath();

  private static final Pattern OUTPUT_FILE =
      Pattern.compile("<outputFile>\\$\\{project\\.build\\.directory}/([^<]+)</outputFile>");
  private static final Pattern FINAL_NAME =
      Pattern.compile("maven-shade-plugin</artifactId>.*?<finalName>([^<]+)</finalName>", 32);

  private static final Pattern AGENT_JVM = Pattern.compile("\n\\s*agent\\) jvm_opts=\\(([^)]*)\\)");

  private static final Pattern AGENT_ARENAS =
      Pattern.compile("\n\\s*export MALLOC_ARENA_MAX=\"\\$\\{MALLOC_ARENA_MAX:-(\\d+)}\" ;;");

  /** The JVM options the launcher {@code ./fieldprint} gives the agent. */
  static String launcherAgentOptions() throws IOException {
    return match(AGENT_JVM, ROOT.resolve("fieldprint"));
  }

  /** The {@code MALLOC_ARENA_MAX} the launcher exports for the agent (unless already set). */
  static String launcherAgentMallocArenas() throws IOException {
    return match(AGENT_ARENAS, ROOT.resolve("fieldprint"));
  }

  static BuildOutputs read() throws IOException {
    return new BuildOutputs(
        "agent/target/" + match(OUTPUT_FILE, ROOT.resolve("agent/pom.xml")),
        "collector-api/target/"
            + match(FINAL_NAME, ROOT.resolve("collector-api/pom.xml"))
            + ".jar");
  }

  private static String match(Pattern p, Path pom) throws IOException {
    Matcher m = p.matcher(Files.readString(pom, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new AssertionError(pom + ": no shaded jar name (" + p + ")");
    }
    return m.group(1);
  }
}
