package io.fieldprint.collector.export.csaf;

import java.util.Optional;

/**
 * A device's firmware as a CSAF {@code full_product_name}.
 *
 * @param productId unique in the document
 * @param name e.g. {@code Siemens AG CPU 1516-3 PN/DP firmware V2.9.4 (asset mac:...)}
 * @param model the order number, written as a model number
 * @param serial the serial number
 */
public record VexProduct(
    String productId, String name, Optional<String> model, Optional<String> serial) {}
