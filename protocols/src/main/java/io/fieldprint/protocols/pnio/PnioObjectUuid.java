package io.fieldprint.protocols.pnio;

import java.util.UUID;

/**
 * A PN-IO object UUID, {@code dea00000-6c97-11d1-8271-IIIIDDDDVVVV}: the RPC object a call
 * addresses, built from the instance, DeviceID and VendorID of the device (or controller) serving
 * it. Layout checked on the shared captures: a GE VersaMax (DCP VendorID 0x015a, DeviceID 0x0003)
 * is addressed as {@code ...-00010003015a}, a Phoenix Contact controller (VendorID 0x00b0) calls
 * itself {@code ...-0001003c00b0}.
 *
 * @param instance u16
 * @param deviceId u16, the vendor's device id (as in DCP)
 * @param vendorId u16, the PROFINET VendorID (as in DCP and I&amp;M0)
 */
public record PnioObjectUuid(int instance, int deviceId, int vendorId) {
  private static final long MSB = 0xDEA0_0000_6C97_11D1L;

  /** The ids in {@code uuid}, or {@code null} when it is not a PN-IO object UUID. */
  public static PnioObjectUuid of(UUID uuid) {
    long lsb = uuid.getLeastSignificantBits();
    if (uuid.getMostSignificantBits() != MSB || (lsb >>> 48) != 0x8271) {
      return null;
    }
    return new PnioObjectUuid(
        (int) (lsb >>> 32) & 0xFFFF, (int) (lsb >>> 16) & 0xFFFF, (int) lsb & 0xFFFF);
  }

  public String vendorIdText() {
    return FieldText.hex16(vendorId);
  }

  public String deviceIdText() {
    return FieldText.hex16(deviceId);
  }
}
