package io.fieldprint.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Posture finding rules mapped to the IEC 62443-3-3 system requirements and IEC 62443-4-2 component
 * requirements they concern ({@code config/knowledge/iec62443-mapping.json}). A malformed file is a
 * packaging error and fails loudly, naming the entry.
 */
public final class Iec62443Mapping {
  static final String RESOURCE = "/io/fieldprint/knowledge/iec62443-mapping.json";
  private static final Pattern SR = Pattern.compile("SR \\d\\.\\d{1,2}");
  private static final Pattern CR = Pattern.compile("CR \\d\\.\\d{1,2}");

  private final Map<String, Iec62443Concern> byRule;

  private Iec62443Mapping(Map<String, Iec62443Concern> byRule) {
    this.byRule = Collections.unmodifiableMap(byRule);
  }

  /** The mapping shipped on the classpath. */
  public static Iec62443Mapping shipped() {
    return KnowledgeFile.load(RESOURCE, in -> parse(new ObjectMapper().readTree(in)));
  }

  static Iec62443Mapping parse(JsonNode root) {
    Map<String, String> titles = new TreeMap<>();
    root.path("requirements").fields().forEachRemaining(e -> titles.put(e.getKey(), text(e)));
    Map<String, Iec62443Concern> byRule = new TreeMap<>();
    root.path("findings")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode n = e.getValue();
              String rule = e.getKey();
              String concern = n.path("concern").asText("");
              if (concern.isBlank()) {
                throw new IllegalStateException(RESOURCE + ": " + rule + " has no concern");
              }
              byRule.put(
                  rule,
                  new Iec62443Concern(
                      rule,
                      concern,
                      requirements(rule, n.path("systemRequirements"), SR, titles),
                      requirements(rule, n.path("componentRequirements"), CR, titles)));
            });
    return new Iec62443Mapping(byRule);
  }

  private static String text(Map.Entry<String, JsonNode> e) {
    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
      throw new IllegalStateException(RESOURCE + ": requirement " + e.getKey() + " has no title");
    }
    return e.getValue().asText();
  }

  private static List<Requirement> requirements(
      String rule, JsonNode ids, Pattern form, Map<String, String> titles) {
    List<Requirement> out = new ArrayList<>();
    ids.forEach(
        id -> {
          String s = id.asText();
          if (!form.matcher(s).matches() || !titles.containsKey(s)) {
            throw new IllegalStateException(
                RESOURCE + ": " + rule + " names '" + s + "', not a " + form + " with a title");
          }
          out.add(new Requirement(s, titles.get(s)));
        });
    if (out.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": " + rule + " lists no " + form);
    }
    return out;
  }

  /** What the rule concerns, or empty for a rule this mapping does not know. */
  public Optional<Iec62443Concern> concernOf(String rule) {
    return Optional.ofNullable(rule == null ? null : byRule.get(rule));
  }

  /** The rules mapped, sorted. */
  public List<String> rules() {
    return List.copyOf(byRule.keySet());
  }
}
