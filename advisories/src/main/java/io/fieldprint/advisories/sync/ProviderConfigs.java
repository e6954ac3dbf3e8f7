package io.fieldprint.advisories.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads {@code config/csaf-providers/*.json}, one provider per file (format in
 * docs/reference/csaf-providers.md). Every problem of every file is reported at once; a file with a
 * problem yields no provider.
 */
public final class ProviderConfigs {
  private ProviderConfigs() {}

  private static final Set<String> KNOWN =
      Set.of(
          "name",
          "metadata_url",
          "key_fingerprints",
          "key_files",
          "trust_on_first_use",
          "require_signatures",
          "require_hashes",
          "distribution",
          "note");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The providers read and the problems found.
   *
   * @param providers valid providers, sorted by file name
   * @param problems one line per problem, naming file and key
   */
  public record Loaded(List<ProviderConfig> providers, List<String> problems) {}

  /** Reads every {@code *.json} in a folder. */
  public static Loaded load(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<ProviderConfig> providers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (Path file : files) {
      List<String> fileProblems = new ArrayList<>();
      ProviderConfig config = read(file, fileProblems);
      if (config != null && !names.add(config.name())) {
        fileProblems.add("name: provider '" + config.name() + "' is configured twice");
      }
      fileProblems.forEach(p -> problems.add(file.getFileName() + ": " + p));
      if (config != null && fileProblems.isEmpty()) {
        providers.add(config);
      }
    }
    return new Loaded(providers, problems);
  }

  /**
   * Reads one provider file (key files resolve against its folder); the problems name the file.
   * Used by the collector, whose configuration lists provider files one by one.
   */
  public static Loaded loadFile(Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    ProviderConfig config = read(file, problems);
    List<String> named = problems.stream().map(p -> file.getFileName() + ": " + p).toList();
    return new Loaded(config == null || !named.isEmpty() ? List.of() : List.of(config), named);
  }

  /** Reads one provider file; problems are added to the list, null when unusable. */
  static ProviderConfig read(Path file, List<String> problems) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add("not a JSON object");
      return null;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN.contains(key)) {
        problems.add(key + ": unknown key (known: " + new TreeSet<>(KNOWN) + ")");
      }
    }
    List<Path> keyFiles = new ArrayList<>();
    for (String f : strings(root, "key_files", problems)) {
      Path p = file.toAbsolutePath().getParent().resolve(f).normalize();
      if (!Files.isRegularFile(p)) {
        problems.add("key_files: " + f + " not found (resolved to " + p + ")");
      }
      keyFiles.add(p);
    }
    try {
      return new ProviderConfig(
          root.path("name").asText(null),
          URI.create(root.path("metadata_url").asText("")),
          new TreeSet<>(strings(root, "key_fingerprints", problems)),
          keyFiles,
          bool(root, "trust_on_first_use", false, problems),
          bool(root, "require_signatures", true, problems),
          bool(root, "require_hashes", true, problems),
          ProviderConfig.distribution(root.path("distribution").asText("auto")));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static List<String> strings(JsonNode root, String key, List<String> problems) {
    JsonNode node = root.path(key);
    if (node.isMissingNode()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (!node.isArray()) {
      problems.add(key + ": must be an array of strings");
      return out;
    }
    for (JsonNode n : node) {
      if (n.isTextual()) {
        out.add(n.asText());
      } else {
        problems.add(key + ": must be an array of strings");
      }
    }
    return out;
  }

  private static boolean bool(JsonNode root, String key, boolean dflt, List<String> problems) {
    JsonNode node = root.path(key);
    if (node.isMissingNode()) {
      return dflt;
    }
    if (!node.isBoolean()) {
      problems.add(key + ": must be true or false");
      return dflt;
    }
    return node.asBoolean();
  }
}
