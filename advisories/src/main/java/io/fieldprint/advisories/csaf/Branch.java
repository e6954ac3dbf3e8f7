package io.fieldprint.advisories.csaf;

/**
 * One step of a product's path through {@code product_tree.branches}, e.g. {@code vendor=Siemens}.
 *
 * @param category the branch category as written ({@code vendor}, {@code product_name}, {@code
 *     product_version_range}...)
 * @param name the branch name as written (not trimmed: CISA vendor names carry stray blanks)
 */
public record Branch(String category, String name) {}
