package io.fieldprint.agent.report;

/**
 * One IEC 62443 requirement a posture finding concerns.
 *
 * @param id {@code SR n.m} (IEC 62443-3-3 system requirement) or {@code CR n.m} (IEC 62443-4-2
 *     component requirement)
 * @param title fieldprint's own short title, not the standard's text
 */
public record Requirement(String id, String title) {

  /** The id followed by the title. */
  public String label() {
    return id + " " + title;
  }
}
