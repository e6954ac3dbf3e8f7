package io.fieldprint.protocols.sysdescr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.knowledge.KnowledgeFile;
import io.fieldprint.protocols.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The data-driven list of system-description patterns ({@code
 * io/fieldprint/knowledge/system-descriptions.json}). {@link #parse} tries them in file order and
 * returns the first match. Input is capped at {@link #MAX_INPUT} characters and every match has a
 * step budget, so a pattern cannot run away on hostile text.
 */
public final class SystemDescriptions {
  static final String RESOURCE = "/io/fieldprint/knowledge/system-descriptions.json";

  /** Longer descriptions are cut to this many characters before matching. */
  public static final int MAX_INPUT = 512;

  private static final int STEP_BUDGET = 200_000;
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  private final List<SystemDescriptionPattern> patterns;

  SystemDescriptions(List<SystemDescriptionPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** The shipped patterns, loaded on first use. */
  public static SystemDescriptions shipped() {
    return Holder.INSTANCE;
  }

  /** The patterns in match order. */
  public List<SystemDescriptionPattern> patterns() {
    return patterns;
  }

  /** The first pattern's reading of {@code text}, or empty when none matches. */
  public Optional<SystemDescription> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String input = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
    for (SystemDescriptionPattern p : patterns) {
      try {
        SystemDescription d = p.match(new BoundedText(input, STEP_BUDGET));
        if (d != null) {
          return Optional.of(d);
        }
      } catch (BoundedText.BudgetExceeded e) {
        // this pattern gave up on this text; the next one may still match
      }
    }
    return Optional.empty();
  }

  /** Reads a patterns file; throws on any invalid entry, naming it. */
  public static SystemDescriptions read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    List<SystemDescriptionPattern> list = new ArrayList<>();
    for (JsonNode node : root.path("patterns")) {
      list.add(entry(node));
    }
    if (list.isEmpty()) {
      throw new IOException("system descriptions file has no patterns");
    }
    return new SystemDescriptions(list);
  }

  private static SystemDescriptionPattern entry(JsonNode node) throws IOException {
    String id = node.path("id").asText("");
    String regex = node.path("regex").asText("");
    if (id.isEmpty() || regex.isEmpty()) {
      throw new IOException("pattern without id or regex: " + node);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IOException("pattern " + id + " does not compile: " + e.getDescription(), e);
    }
    Set<String> groups = new LinkedHashSet<>();
    Matcher g = GROUP_NAME.matcher(regex);
    while (g.find()) {
      groups.add(g.group(1));
    }
    if (!SystemDescriptionPattern.FIELDS.containsAll(groups)) {
      throw new IOException("pattern " + id + " has unknown named groups: " + groups);
    }
    Map<String, String> fixed = strings(node.path("fixed"), id);
    Role role = node.hasNonNull("role") ? role(node.get("role").asText(), id) : null;
    List<SystemDescriptionPattern.Example> examples = new ArrayList<>();
    for (JsonNode ex : node.path("examples")) {
      examples.add(
          new SystemDescriptionPattern.Example(
              ex.path("text").asText(), strings(ex.path("expect"), id)));
    }
    return new SystemDescriptionPattern(
        id, pattern, Set.copyOf(groups), fixed, role, node.path("source").asText(""), examples);
  }

  private static Map<String, String> strings(JsonNode node, String id) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!SystemDescriptionPattern.FIELDS.contains(e.getKey()) && !"role".equals(e.getKey())) {
        throw new IOException("pattern " + id + " names unknown field " + e.getKey());
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return Map.copyOf(map);
  }

  private static Role role(String text, String id) throws IOException {
    try {
      return Role.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IOException("pattern " + id + " names unknown role " + text, e);
    }
  }

  private static final class Holder {
    static final SystemDescriptions INSTANCE =
        KnowledgeFile.load(RESOURCE, SystemDescriptions::read);
  }
}
