package io.fieldprint.protocols.s7;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import java.time.Instant;
import java.util.Map;

/**
 * Which SZL lists identify the responder (partial lists 0x11 module identification and 0x1C
 * component identification, not header-only), and the observation each gives.
 */
final class SzlIdentification {
  static final String SOURCE_MODULE = "s7comm.szl-module-identification";
  static final String SOURCE_COMPONENT = "s7comm.szl-component-identification";
  static final int MODULE = 0x11;
  static final int COMPONENT = 0x1C;

  private SzlIdentification() {}

  static boolean isIdentification(SzlList list) {
    return !SzlList.isHeaderOnly(list.id())
        && (list.partialList() == MODULE || list.partialList() == COMPONENT);
  }

  /** Why the records cannot be decoded, or {@code null}. */
  static String recordLengthProblem(SzlList list) {
    int expected =
        list.partialList() == MODULE
            ? SzlModuleIdentification.RECORD_LENGTH
            : SzlComponentIdentification.RECORD_LENGTH;
    return list.recordLength() == expected
        ? null
        : String.format(
            "SZL 0x%04x records of %d bytes, expected %d",
            list.id(), list.recordLength(), expected);
  }

  /**
   * The observation for an identification list.
   *
   * @param requestedId the SZL id of the request it answers, or -1 when that was not seen
   * @param parts how many response PDUs carried it
   */
  static Observation observation(
      SzlList list, DeviceRef responder, String origin, Instant seen, int requestedId, int parts) {
    boolean module = list.partialList() == MODULE;
    Identity identity;
    Map<String, Object> fields;
    if (module) {
      SzlModuleIdentification decoded = SzlModuleIdentification.of(list);
      identity = decoded.identity();
      fields = decoded.fields();
    } else {
      SzlComponentIdentification decoded = SzlComponentIdentification.of(list);
      identity = decoded.identity();
      fields = decoded.fields();
    }
    fields.put("szlId", String.format("0x%04x", list.id()));
    fields.put("szlIndex", String.format("0x%04x", list.index()));
    fields.put("recordCount", list.count());
    fields.put("parts", parts);
    if (requestedId >= 0) {
      fields.put("requestedSzlId", String.format("0x%04x", requestedId));
    }
    return new Observation(
        S7CommTcp.NAME,
        responder,
        identity,
        Authority.DEVICE_REPORTED,
        new Evidence(module ? SOURCE_MODULE : SOURCE_COMPONENT, seen, origin, fields));
  }
}
