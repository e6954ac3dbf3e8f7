package io.fieldprint.agent.report;

/**
 * Bounds on what one report reads and shows, so a hostile or huge input cannot exhaust memory or
 * produce an unprintable document.
 *
 * @param inventoryBytes largest inventory file read
 * @param auditLines audit log lines read and counted; the rest are left unread (and said so)
 * @param auditListed audit log lines listed in full in the appendix
 * @param valueChars characters shown of one value (an identity field, a finding detail, an evidence
 *     field); longer values end with "…"
 * @param cvesPerStep CVE ids listed per remediation step
 */
public record ReportLimits(
    long inventoryBytes, long auditLines, int auditListed, int valueChars, int cvesPerStep) {

  public ReportLimits {
    require(inventoryBytes >= 1024, "inventoryBytes must be at least 1024");
    require(auditLines >= 1, "auditLines must be at least 1");
    require(auditListed >= 0 && auditListed <= auditLines, "auditListed must be 0..auditLines");
    require(valueChars >= 16, "valueChars must be at least 16");
    require(cvesPerStep >= 1, "cvesPerStep must be at least 1");
  }

  /** 256 MiB of inventory, 1,000,000 audit lines counted, 1,000 listed, 300 characters a value. */
  public static ReportLimits defaults() {
    return new ReportLimits(256L * 1024 * 1024, 1_000_000, 1_000, 300, 12);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
