package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * I&amp;M0 record (block type 0x0020, record index 0xAFF0; body 54 bytes): the identification a
 * PROFINET device keeps for itself and each module.
 *
 * @param vendorId VendorIDHigh u8 + VendorIDLow u8
 * @param orderId Order_ID, 20 bytes ASCII (space padded)
 * @param serialNumber IM_Serial_Number, 16 bytes ASCII
 * @param hardwareRevision IM_Hardware_Revision, u16
 * @param softwarePrefix IM_SWRevision_Prefix, u8: 'V' official release, 'R' revision, 'P'
 *     prototype, 'U' under test, 'T' test device
 * @param softwareFunctional IM_SWRevision_Functional_Enhancement, u8
 * @param softwareBugFix IM_SWRevision_Bug_Fix, u8
 * @param softwareInternal IM_SWRevision_Internal_Change, u8
 * @param revisionCounter IM_Revision_Counter, u16
 * @param profileId IM_Profile_ID, u16
 * @param profileSpecificType IM_Profile_Specific_Type, u16
 * @param versionMajor IM_Version major, u8
 * @param versionMinor IM_Version minor, u8
 * @param supported IM_Supported, u16 (bit n: I&amp;Mn readable)
 */
record IAndM0(
    int vendorId,
    String orderId,
    String serialNumber,
    int hardwareRevision,
    int softwarePrefix,
    int softwareFunctional,
    int softwareBugFix,
    int softwareInternal,
    int revisionCounter,
    int profileId,
    int profileSpecificType,
    int versionMajor,
    int versionMinor,
    int supported) {

  static final int BODY = 54;

  static Parsed<IAndM0> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    IAndM0 m =
        new IAndM0(
            r.u16(),
            r.text(20, 20),
            r.text(16, 16),
            r.u16(),
            r.u8(),
            r.u8(),
            r.u8(),
            r.u8(),
            r.u16(),
            r.u16(),
            r.u16(),
            r.u8(),
            r.u8(),
            r.u16());
    if (r.overrun()) {
      return Parsed.malformed("I&M0 body of " + h.bodyLength() + " bytes is shorter than 54");
    }
    return Parsed.ok(m);
  }

  /** "V2.3.1": the prefix letter and the three numbers ('?' for other prefix bytes). */
  String softwareRevision() {
    char prefix = softwarePrefix >= 'A' && softwarePrefix <= 'Z' ? (char) softwarePrefix : '?';
    return prefix + "" + softwareFunctional + "." + softwareBugFix + "." + softwareInternal;
  }

  /** JSON-friendly fields, with where the record was read from. */
  Map<String, Object> fields(int slot, int subslot) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("slot", slot);
    f.put("subslot", FieldText.hex16(subslot));
    f.put("vendorId", FieldText.hex16(vendorId));
    f.put("orderId", orderId);
    f.put("serialNumber", serialNumber);
    f.put("hardwareRevision", hardwareRevision);
    f.put("softwareRevision", softwareRevision());
    f.put("revisionCounter", revisionCounter);
    f.put("profileId", FieldText.hex16(profileId));
    f.put("profileSpecificType", FieldText.hex16(profileSpecificType));
    f.put("imVersion", versionMajor + "." + versionMinor);
    f.put("imSupported", FieldText.hex16(supported));
    return f;
  }
}
