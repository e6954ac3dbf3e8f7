package io.fieldprint.protocols.sysdescr;

import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Role;

/**
 * What a system description (SNMP sysDescr, LLDP System Description) says about a device.
 *
 * @param patternId id of the pattern that matched
 * @param vendor manufacturer
 * @param product product family or name
 * @param model order number / model code
 * @param firmware firmware version
 * @param hardware hardware revision
 * @param serial serial number
 * @param role what the pattern says the device is, or {@code null}
 */
public record SystemDescription(
    String patternId,
    String vendor,
    String product,
    String model,
    String firmware,
    String hardware,
    String serial,
    Role role) {

  /** Copies the claims into {@code builder} (blank values stay unknown). */
  public Identity.Builder applyTo(Identity.Builder builder) {
    return builder
        .vendor(vendor)
        .product(product)
        .model(model)
        .firmware(firmware)
        .hardware(hardware)
        .serial(serial)
        .role(role);
  }
}
