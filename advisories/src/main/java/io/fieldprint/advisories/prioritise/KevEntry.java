package io.fieldprint.advisories.prioritise;

/**
 * One entry of the CISA Known Exploited Vulnerabilities catalog.
 *
 * @param cveId {@code cveID}
 * @param vendorProject {@code vendorProject}
 * @param product {@code product}
 * @param vulnerabilityName {@code vulnerabilityName}
 * @param dateAdded {@code dateAdded} (YYYY-MM-DD)
 * @param dueDate {@code dueDate} (YYYY-MM-DD), or empty
 * @param knownRansomwareCampaignUse {@code knownRansomwareCampaignUse} ({@code Known} or {@code
 *     Unknown}), or empty
 */
public record KevEntry(
    String cveId,
    String vendorProject,
    String product,
    String vulnerabilityName,
    String dateAdded,
    String dueDate,
    String knownRansomwareCampaignUse) {}
