/**
 * Reads CSAF 2.0 documents into the records a matcher needs ({@link
 * io.fieldprint.advisories.csaf.CsafReader}).
 *
 * <p>This is a structural validation of what the matcher relies on, not a JSON-schema validation:
 * run the schema and the OASIS mandatory tests elsewhere when a document must be proven valid.
 * {@link io.fieldprint.advisories.csaf.CsafReader} documents which violations reject a document and
 * which become problems on it. Among the mandatory tests, 6.1.1 (unknown product id), 6.1.2
 * (duplicate product id), 6.1.3 (circular relationship), 6.1.4 (unknown group id), 6.1.5 (duplicate
 * group id), 6.1.6 (contradicting statuses) and 6.1.7 (two scores of one CVSS version for a
 * product) are reported; the others (CVSS consistency, version ranges in {@code product_version},
 * sorting, dates in revision history, ...) are not checked.
 */
package io.fieldprint.advisories.csaf;
