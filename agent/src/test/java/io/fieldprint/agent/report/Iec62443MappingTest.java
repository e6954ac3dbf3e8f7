package io.fieldprint.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldprint.protocols.opcua.OpcUaPostureRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Iec62443MappingTest {
  /** {@code RULE = "cleartext.telnet"}, {@code RULE_BASIC_AUTH = "..."}. */
  private static final Pattern RULE_CONSTANT =
      Pattern.compile("String RULE\\w* = \"([a-z0-9]+\\.[a-z0-9-]+)\"");

  /** {@code new Finding(subject, "snmp.default-community", ...}. */
  private static final Pattern FINDING_LITERAL =
      Pattern.compile("new Finding\\(\\s*[^,()]+,\\s*\"([a-z0-9]+\\.[a-z0-9-]+)\"");

  /** First column of the rule tables in docs/reference/findings*.md. */
  private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z0-9]+\\.[a-z0-9-]+)` \\|");

  private final Iec62443Mapping mapping = Iec62443Mapping.shipped();

  @Test
  void everyFindingRuleTheProtocolsModuleEmitsOrTheDocsListHasAMapping() throws IOException {
    Set<String> rules = emittedRules();
    assertTrue(rules.size() >= 20, "the scan found the rules: " + rules);

    Set<String> unmapped = new TreeSet<>(rules);
    unmapped.removeAll(mapping.rules());
    assertEquals(Set.of(), unmapped, "finding rules without an IEC 62443 mapping");
  }

  @Test
  void everyMappedRuleIsOneThatExists() throws IOException {
    Set<String> stale = new TreeSet<>(mapping.rules());
    stale.removeAll(emittedRules());
    assertEquals(Set.of(), stale, "mappings for rules nothing emits");
  }

  @Test
  void anonymousAccessConcernsAuthenticationAndSecurityModeNoneIntegrityAndConfidentiality() {
    Iec62443Concern anonymous = mapping.concernOf("opcua.anonymous-access").orElseThrow();
    assertTrue(ids(anonymous.systemRequirements()).contains("SR 1.1"));
    assertTrue(ids(anonymous.componentRequirements()).contains("CR 1.1"));
    Iec62443Concern none = mapping.concernOf("opcua.security-mode-none").orElseThrow();
    assertTrue(ids(none.systemRequirements()).containsAll(List.of("SR 3.1", "SR 4.1")));
    assertTrue(ids(none.componentRequirements()).containsAll(List.of("CR 3.1", "CR 4.1")));
    Iec62443Concern weakKey = mapping.concernOf("opcua.certificate-weak-key").orElseThrow();
    assertTrue(ids(weakKey.systemRequirements()).containsAll(List.of("SR 1.9", "SR 4.3")));
    Iec62443Concern telnet = mapping.concernOf("cleartext.telnet").orElseThrow();
    assertTrue(ids(telnet.systemRequirements()).contains("SR 7.7"));
  }

  @Test
  void aRequirementWithoutATitleOrAnSrListedAsCrIsRejectedNamingTheRule() throws IOException {
    ObjectMapper json = new ObjectMapper();
    String untitled =
        """
        {"requirements": {"SR 1.1": "Identify"},
         "findings": {"x.y": {"concern": "c", "systemRequirements": ["SR 1.2"],
                              "componentRequirements": ["CR 1.1"]}}}
        """;
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Iec62443Mapping.parse(json.readTree(untitled)));
    assertTrue(e.getMessage().contains("x.y") && e.getMessage().contains("SR 1.2"), e.getMessage());
    String swapped =
        """
        {"requirements": {"SR 1.1": "Identify", "CR 1.1": "Identify"},
         "findings": {"x.y": {"concern": "c", "systemRequirements": ["SR 1.1"],
                              "componentRequirements": ["SR 1.1"]}}}
        """;
    assertThrows(IllegalStateException.class, () -> Iec62443Mapping.parse(json.readTree(swapped)));
  }

  private static List<String> ids(List<Requirement> requirements) {
    return requirements.stream().map(Requirement::id).toList();
  }

  /**
   * The rules the protocols module emits: the OPC UA rule enum, rule constants and literal rule ids
   * passed to {@code new Finding(...)} in its sources, and the rules the findings pages document.
   */
  static Set<String> emittedRules() throws IOException {
    Set<String> rules = new TreeSet<>();
    for (OpcUaPostureRule r : OpcUaPostureRule.values()) {
      rules.add(r.id());
    }
    Path root = Path.of(System.getProperty("fieldprint.root", ".."));
    try (Stream<Path> files = Files.walk(root.resolve("protocols/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        collect(RULE_CONSTANT.matcher(source), rules);
        collect(FINDING_LITERAL.matcher(source), rules);
      }
    }
    for (String page : List.of("findings.md", "findings-opcua.md")) {
      for (String line : Files.readAllLines(root.resolve("docs/reference").resolve(page))) {
        collect(DOC_ROW.matcher(line), rules);
      }
    }
    return rules;
  }

  private static void collect(Matcher m, Set<String> into) {
    while (m.find()) {
      into.add(m.group(1));
    }
  }
}
