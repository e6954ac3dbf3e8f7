package io.fieldprint.protocols.inventory;

import java.util.Optional;

/** Finds the organisation an IEEE registry assigned a MAC address block to. */
@FunctionalInterface
public interface MacRegistry {

  MacRegistry NONE = mac -> Optional.empty();

  /** The organisation for {@code mac} (lower-case colon-separated), if registered. */
  Optional<String> vendorOf(String mac);
}
