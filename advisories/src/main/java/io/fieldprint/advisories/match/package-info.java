/**
 * Matching inventory assets against CSAF advisories.
 *
 * <ul>
 *   <li>{@link io.fieldprint.advisories.match.VendorNames} maps vendor strings from devices and
 *       advisories to canonical keys ({@code config/knowledge/vendor-aliases.tsv}).
 *   <li>{@link io.fieldprint.advisories.match.ProductMatcher} decides whether a device and an
 *       advisory product are the same product: EXACT_MODEL (order/model number, {@code ?}/{@code *}
 *       and Omron placeholders), PRODUCT_NAME (normalised tokens; the advisory may only add brand
 *       words in front), FAMILY ({@code config/knowledge/product-families.tsv}) or NONE. A vendor
 *       mismatch is NONE unless {@link io.fieldprint.advisories.match.VendorLineage} lists the
 *       device's product line as published by both vendors ({@code vendor-lineage.tsv}).
 *   <li>{@link io.fieldprint.advisories.match.AdvisoryMatcher} gives one {@link
 *       io.fieldprint.advisories.match.AdvisoryMatch} per advisory: high confidence for an exact
 *       model with the firmware in range, medium for a name or family match in range, low when the
 *       version cannot be decided. Firmware outside the range is not reported.
 * </ul>
 */
package io.fieldprint.advisories.match;
