package io.fieldprint.advisories.csaf;

import java.util.List;

/**
 * {@code remediations[]}.
 *
 * @param category {@code vendor_fix}, {@code mitigation}, {@code workaround}, {@code
 *     none_available} or {@code no_fix_planned}
 * @param details the text (CISA writes fixed versions here)
 * @param url optional link, or empty
 * @param productIds the products it applies to, with {@code group_ids} expanded
 * @param groupIds the groups as written
 */
public record Remediation(
    String category, String details, String url, List<String> productIds, List<String> groupIds) {
  public Remediation {
    productIds = List.copyOf(productIds);
    groupIds = List.copyOf(groupIds);
  }
}
