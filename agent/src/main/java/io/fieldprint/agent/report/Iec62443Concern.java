package io.fieldprint.agent.report;

import java.util.List;

/**
 * What one posture finding rule concerns in IEC 62443.
 *
 * @param rule the finding rule id ({@code opcua.anonymous-access})
 * @param concern one line: the security property the finding weakens
 * @param systemRequirements IEC 62443-3-3 system requirements
 * @param componentRequirements IEC 62443-4-2 component requirements
 */
public record Iec62443Concern(
    String rule,
    String concern,
    List<Requirement> systemRequirements,
    List<Requirement> componentRequirements) {

  public Iec62443Concern {
    systemRequirements = List.copyOf(systemRequirements);
    componentRequirements = List.copyOf(componentRequirements);
  }
}
