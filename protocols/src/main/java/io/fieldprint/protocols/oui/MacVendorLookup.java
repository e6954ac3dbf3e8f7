package io.fieldprint.protocols.oui;

/** Result of looking up the organisation a MAC address block is assigned to. */
public sealed interface MacVendorLookup {

  /**
   * The block is assigned.
   *
   * @param vendor organisation name as registered with the IEEE
   * @param prefixBits size of the matching block prefix: 24 (MA-L), 28 (MA-M) or 36 (MA-S/IAB)
   */
  record Assigned(String vendor, int prefixBits) implements MacVendorLookup {}

  /** No vendor can be named; {@code reason} says why. */
  record Unassigned(Reason reason) implements MacVendorLookup {}

  /** Why a MAC names no vendor. */
  enum Reason {
    /** Not a MAC address. */
    INVALID,
    /** Group (multicast/broadcast) address: names no single device. */
    MULTICAST,
    /** Locally administered: chosen by software (virtual machines, randomised MACs). */
    LOCALLY_ADMINISTERED,
    /** Not in the shipped listing (unassigned, private, or newer than the listing). */
    NOT_LISTED
  }

  /** The vendor name, or {@code null}. */
  default String vendorOrNull() {
    return this instanceof Assigned a ? a.vendor() : null;
  }
}
