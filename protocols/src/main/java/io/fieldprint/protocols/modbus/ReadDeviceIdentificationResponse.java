package io.fieldprint.protocols.modbus;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Response to function 43 / MEI type 14, Read Device Identification (Modbus Application Protocol
 * v1.1b3 §6.21). After the function code (u8 0x2B): MEI type u8 (0x0E), ReadDevId code u8,
 * conformity level u8, more follows u8 (0x00 or 0xFF), next object id u8, number of objects u8,
 * then per object: object id u8, object length u8, value (ASCII, object length bytes).
 *
 * @param readDeviceIdCode 1 basic, 2 regular, 3 extended (stream access), 4 one specific object
 * @param conformityLevel raw conformity level (0x01..0x03, 0x81..0x83 when individual access works)
 * @param moreFollows raw more-follows byte; 0xFF means another page is to be requested
 * @param nextObjectId the object id the next page starts at
 * @param declaredObjects the number of objects the response announces
 * @param objects the objects actually present, in wire order
 * @param problem what was inconsistent (objects missing or cut short), or {@code null}
 */
public record ReadDeviceIdentificationResponse(
    int readDeviceIdCode,
    int conformityLevel,
    int moreFollows,
    int nextObjectId,
    int declaredObjects,
    List<DeviceIdentificationObject> objects,
    String problem) {

  static final int FUNCTION_CODE = 0x2B;
  static final int MEI_READ_DEVICE_IDENTIFICATION = 0x0E;
  static final int MORE_FOLLOWS = 0xFF;

  /** Bytes from the function code to the first object. */
  private static final int HEAD = 7;

  public ReadDeviceIdentificationResponse {
    objects = List.copyOf(objects);
  }

  public boolean hasMoreFollows() {
    return moreFollows == MORE_FOLLOWS;
  }

  /**
   * Decodes the PDU between absolute offsets {@code pdu} (the function code) and {@code end}.
   * Objects cut short are dropped and named in {@link #problem}.
   */
  public static Parsed<ReadDeviceIdentificationResponse> parse(ByteBuffer frame, int pdu, int end) {
    if (end - pdu < HEAD) {
      return Parsed.malformed(
          "read device identification response of " + (end - pdu) + " bytes, header needs " + HEAD);
    }
    int declared = frame.get(pdu + 6) & 0xFF;
    List<DeviceIdentificationObject> objects = new ArrayList<>(Math.min(declared, 16));
    int at = pdu + HEAD;
    String problem = null;
    while (objects.size() < declared) {
      if (end - at < 2) {
        problem = "announces " + declared + " objects, holds " + objects.size();
        break;
      }
      int id = frame.get(at) & 0xFF;
      int length = frame.get(at + 1) & 0xFF;
      if (end - at - 2 < length) {
        problem =
            "object 0x" + hex(id) + " claims " + length + " bytes, " + (end - at - 2) + " left";
        break;
      }
      objects.add(new DeviceIdentificationObject(id, DeviceString.decode(frame, at + 2, length)));
      at += 2 + length;
    }
    if (problem == null && at != end) {
      problem = (end - at) + " bytes after the last object";
    }
    return Parsed.ok(
        new ReadDeviceIdentificationResponse(
            frame.get(pdu + 2) & 0xFF,
            frame.get(pdu + 3) & 0xFF,
            frame.get(pdu + 4) & 0xFF,
            frame.get(pdu + 5) & 0xFF,
            declared,
            objects,
            problem));
  }

  private static String hex(int b) {
    return String.format("%02x", b);
  }

  /**
   * One identification object.
   *
   * @param id object id u8: 0x00-0x02 basic, 0x03-0x06 regular, 0x07-0x7F reserved, 0x80-0xFF
   *     private (extended)
   * @param value the object's text, sanitised
   */
  public record DeviceIdentificationObject(int id, String value) {}
}
