package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Identity;
import java.util.function.Function;

/** The identity fields an asset merges, with their names in the inventory JSON. */
enum IdentityField {
  NAME("name", Identity::name),
  VENDOR("vendor", Identity::vendor),
  PRODUCT("product", Identity::product),
  MODEL("model", Identity::model),
  FIRMWARE("firmware", Identity::firmware),
  HARDWARE("hardware", Identity::hardware),
  SERIAL("serial", Identity::serial);

  final String jsonName;
  final Function<Identity, String> accessor;

  IdentityField(String jsonName, Function<Identity, String> accessor) {
    this.jsonName = jsonName;
    this.accessor = accessor;
  }
}
