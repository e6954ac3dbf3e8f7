package io.fieldprint.protocols.enip;

import java.nio.ByteBuffer;

/**
 * Recognises the one explicit request whose reply names the target itself: Get_Attributes_All
 * (service 0x01) on the Identity object (class 0x01), instance 1, addressed directly, i.e. not
 * routed through Unconnected Send to a module behind the target. Message router request: service
 * u8, request path size u8 (16-bit words), path (logical segments 0x20/0x21 class, 0x24/0x25
 * instance), data.
 */
final class IdentityRequest {
  static final int GET_ATTRIBUTES_ALL = 0x01;
  static final int REPLY = 0x80;
  static final int IDENTITY_CLASS = 0x01;

  private IdentityRequest() {}

  static boolean isGetAttributesAllOfIdentity(ByteBuffer b, int at, int end) {
    if (end - at < 2 || LittleEndian.u8(b, at) != GET_ATTRIBUTES_ALL) {
      return false;
    }
    int pathEnd = at + 2 + 2 * LittleEndian.u8(b, at + 1);
    if (pathEnd > end) {
      return false;
    }
    int p = at + 2;
    int classId = -1;
    int instance = -1;
    while (p < pathEnd) {
      int segment = LittleEndian.u8(b, p);
      if ((segment == 0x20 || segment == 0x24) && p + 2 <= pathEnd) {
        int value = LittleEndian.u8(b, p + 1);
        classId = segment == 0x20 ? value : classId;
        instance = segment == 0x24 ? value : instance;
        p += 2;
      } else if ((segment == 0x21 || segment == 0x25) && p + 4 <= pathEnd) {
        int value = LittleEndian.u16(b, p + 2);
        classId = segment == 0x21 ? value : classId;
        instance = segment == 0x25 ? value : instance;
        p += 4;
      } else {
        return false;
      }
    }
    return classId == IDENTITY_CLASS && instance == 1;
  }

  /**
   * Offset of a successful Get_Attributes_All reply's data, or -1: reply service u8 (0x81),
   * reserved u8, general status u8 (0 = success), additional status size u8 (words), additional
   * status, data.
   */
  static int successfulReplyData(ByteBuffer b, int at, int end) {
    if (end - at < 4
        || LittleEndian.u8(b, at) != (GET_ATTRIBUTES_ALL | REPLY)
        || LittleEndian.u8(b, at + 2) != 0) {
      return -1;
    }
    int data = at + 4 + 2 * LittleEndian.u8(b, at + 3);
    return data <= end ? data : -1;
  }
}
