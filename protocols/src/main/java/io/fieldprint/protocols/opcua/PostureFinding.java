package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;

/**
 * One posture issue before it is tied to a device and evidence.
 *
 * @param rule the rule that fired
 * @param subjectKey what the issue is about (endpoint URL, policy, certificate thumbprint): one
 *     finding per device, rule and subject key
 * @param detail what exactly was seen, for people
 */
public record PostureFinding(OpcUaPostureRule rule, String subjectKey, String detail) {

  /** The finding about {@code subject}, based on {@code evidence}. */
  public Finding toFinding(DeviceRef subject, Evidence evidence) {
    return new Finding(subject, rule.id(), rule.severity(), rule.title(), detail, evidence);
  }

  /** Key for deduplicating findings about one device. */
  public String dedupeKey() {
    return rule.id() + "|" + subjectKey;
  }
}
