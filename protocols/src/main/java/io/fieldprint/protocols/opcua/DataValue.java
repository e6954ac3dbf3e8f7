package io.fieldprint.protocols.opcua;

import java.time.Instant;

/**
 * DataValue (Part 6 §5.2.2.17): an encoding mask byte, then present fields in this order: Value
 * Variant (0x01), Status StatusCode (0x02), SourceTimestamp DateTime (0x04), SourcePicoseconds
 * UInt16 (0x10), ServerTimestamp DateTime (0x08), ServerPicoseconds UInt16 (0x20).
 *
 * @param value the value, {@link Variant#NULL} when absent
 * @param statusCode the StatusCode; absent means Good (0)
 * @param sourceTimestamp source timestamp, or {@code null}
 * @param serverTimestamp server timestamp, or {@code null}
 */
public record DataValue(
    Variant value, long statusCode, Instant sourceTimestamp, Instant serverTimestamp) {

  /** Whether the status is Good (severity bits 00). */
  public boolean isGood() {
    return (statusCode & 0xC000_0000L) == 0;
  }

  public static DataValue read(UaBinaryReader r, int depth) {
    if (depth > r.limits().maxDepth()) {
      r.fail("DataValue nested deeper than " + r.limits().maxDepth());
      return new DataValue(Variant.NULL, 0, null, null);
    }
    int mask = r.readByte();
    Variant value = (mask & 0x01) != 0 ? Variant.read(r, depth + 1) : Variant.NULL;
    long status = (mask & 0x02) != 0 ? r.readUInt32() : 0;
    Instant source = (mask & 0x04) != 0 ? r.readDateTime() : null;
    if ((mask & 0x10) != 0) {
      r.readUInt16();
    }
    Instant server = (mask & 0x08) != 0 ? r.readDateTime() : null;
    if ((mask & 0x20) != 0) {
      r.readUInt16();
    }
    return new DataValue(value, status, source, server);
  }
}
