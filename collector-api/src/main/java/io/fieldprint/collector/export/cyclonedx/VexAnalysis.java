package io.fieldprint.collector.export.cyclonedx;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A CycloneDX {@code vulnerabilities[].analysis}, made from a triage decision. States: {@code
 * affected} → {@code exploitable}, {@code not_affected} → {@code not_affected}, {@code fixed} →
 * {@code resolved}, {@code under_investigation} → {@code in_triage}; a match nobody triaged has no
 * analysis. The CSAF/VEX justification labels map to the nearest CycloneDX justification:
 *
 * <ul>
 *   <li>{@code component_not_present}, {@code vulnerable_code_not_present} → {@code
 *       code_not_present}
 *   <li>{@code vulnerable_code_not_in_execute_path} → {@code code_not_reachable}
 *   <li>{@code vulnerable_code_cannot_be_controlled_by_adversary} → {@code requires_environment}
 *   <li>{@code inline_mitigations_already_exist} → {@code protected_by_mitigating_control}
 * </ul>
 *
 * The triage note becomes the {@code detail}, the decision's time {@code lastUpdated}.
 */
public record VexAnalysis(
    String state, Optional<String> justification, Optional<String> detail, Instant lastUpdated) {

  static final Map<String, String> STATES =
      Map.of(
          "affected", "exploitable",
          "not_affected", "not_affected",
          "fixed", "resolved",
          "under_investigation", "in_triage");

  static final Map<String, String> JUSTIFICATIONS =
      Map.of(
          "component_not_present", "code_not_present",
          "vulnerable_code_not_present", "code_not_present",
          "vulnerable_code_not_in_execute_path", "code_not_reachable",
          "vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment",
          "inline_mitigations_already_exist", "protected_by_mitigating_control");

  /**
   * The analysis of a triage decision in the collector's words; an unknown state gives {@code
   * in_triage}, an unknown justification none.
   */
  public static VexAnalysis fromTriage(
      String state, Optional<String> justification, Optional<String> note, Instant at) {
    return new VexAnalysis(
        STATES.getOrDefault(state, "in_triage"), justification.map(JUSTIFICATIONS::get), note, at);
  }
}
