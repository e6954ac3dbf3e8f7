package io.fieldprint.advisories.csaf;

/**
 * {@code relationships[]}: "{@code productReference} {@code category} {@code
 * relatesToProductReference}", e.g. a firmware {@code installed_on} a hardware model, named as a
 * new product.
 *
 * @param category {@code default_component_of}, {@code installed_on}...
 * @param productReference the first product's id
 * @param relatesToProductReference the second product's id
 * @param fullProductName the composite product
 */
public record Relationship(
    String category,
    String productReference,
    String relatesToProductReference,
    FullProductName fullProductName) {}
