package io.fieldprint.protocols.opcua;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the OPC UA binary encoding (Part 6 §5.2, little-endian) from a window of a buffer without
 * ever reading outside it. The first problem (a length that over-claims, a negative count, a value
 * past a {@link UaLimits} bound) is kept as {@link #failure()}; from then on every read returns a
 * neutral value ({@code 0}, {@code null}, an empty list) so decoders can read a whole structure and
 * check once. Never throws on bad input.
 */
public final class UaBinaryReader {
  /** DateTime ticks (100 ns) between 1601-01-01 and 1970-01-01. */
  static final long EPOCH_OFFSET_TICKS = 116_444_736_000_000_000L;

  private final ByteBuffer buffer;
  private final int end;
  private final UaLimits limits;
  private int position;
  private String failure;

  private UaBinaryReader(ByteBuffer buffer, int from, int to, UaLimits limits) {
    this.buffer = buffer;
    this.position = from;
    this.end = to;
    this.limits = limits;
  }

  /** A reader over {@code buffer[from, to)}; the buffer's position and order are left alone. */
  public static UaBinaryReader of(ByteBuffer buffer, int from, int to, UaLimits limits) {
    int safeTo = Math.max(0, Math.min(to, buffer.limit()));
    int safeFrom = Math.max(0, Math.min(from, safeTo));
    return new UaBinaryReader(buffer, safeFrom, safeTo, limits);
  }

  /** A reader over a whole array with the default limits. */
  public static UaBinaryReader of(byte[] bytes) {
    return of(ByteBuffer.wrap(bytes), 0, bytes.length, UaLimits.DEFAULT);
  }

  public UaLimits limits() {
    return limits;
  }

  public boolean failed() {
    return failure != null;
  }

  /** The first problem found, or {@code null}. */
  public String failure() {
    return failure;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return end - position;
  }

  /** Records a problem (the first one wins) and stops all further reads. */
  public void fail(String reason) {
    if (failure == null) {
      failure = reason + " (at offset " + position + ")";
    }
    position = end;
  }

  /** {@code value} when nothing failed, otherwise the failure. */
  public <T> Parsed<T> result(T value) {
    return failure == null ? new Parsed.Ok<>(value) : new Parsed.Malformed<>(failure);
  }

  private boolean need(int bytes, String what) {
    if (failure != null) {
      return false;
    }
    if (bytes > end - position) {
      fail(what + " needs " + bytes + " bytes, " + (end - position) + " left");
      return false;
    }
    return true;
  }

  /** Moves past {@code bytes} bytes. */
  public void skip(int bytes) {
    if (bytes < 0) {
      fail("negative skip " + bytes);
    } else if (need(bytes, "skip")) {
      position += bytes;
    }
  }

  /** Byte (unsigned 8 bits). */
  public int readByte() {
    if (!need(1, "Byte")) {
      return 0;
    }
    return buffer.get(position++) & 0xFF;
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  /** Int16 (signed, 2 bytes). */
  public int readInt16() {
    if (!need(2, "Int16")) {
      return 0;
    }
    short v = buffer.getShort(position);
    position += 2;
    return buffer.order() == ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v);
  }

  /** UInt16 (2 bytes). */
  public int readUInt16() {
    return readInt16() & 0xFFFF;
  }

  /** Int32 (signed, 4 bytes). */
  public int readInt32() {
    if (!need(4, "Int32")) {
      return 0;
    }
    int v = buffer.getInt(position);
    position += 4;
    return buffer.order() == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
  }

  /** UInt32 (4 bytes). */
  public long readUInt32() {
    return readInt32() & 0xFFFF_FFFFL;
  }

  /** Int64 / UInt64 bits (8 bytes). */
  public long readInt64() {
    if (!need(8, "Int64")) {
      return 0;
    }
    long v = buffer.getLong(position);
    position += 8;
    return buffer.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
  }

  public float readFloat() {
    return Float.intBitsToFloat(readInt32());
  }

  public double readDouble() {
    return Double.longBitsToDouble(readInt64());
  }

  /**
   * DateTime: Int64 count of 100 ns ticks since 1601-01-01 UTC. {@code null} for 0 or less and for
   * the "end of time" maximum, which the encoding uses for "no value".
   */
  public Instant readDateTime() {
    long ticks = readInt64();
    if (ticks <= 0 || ticks == Long.MAX_VALUE) {
      return null;
    }
    long unixTicks = ticks - EPOCH_OFFSET_TICKS;
    return Instant.ofEpochSecond(
        Math.floorDiv(unixTicks, 10_000_000L), Math.floorMod(unixTicks, 10_000_000L) * 100);
  }

  /** Guid: Data1 UInt32, Data2 UInt16, Data3 UInt16, Data4 8 bytes (16 bytes). */
  public UUID readGuid() {
    if (!need(16, "Guid")) {
      return null;
    }
    long data1 = readUInt32();
    long data2 = readUInt16();
    long data3 = readUInt16();
    long data4 = 0;
    for (int i = 0; i < 8; i++) {
      data4 = (data4 << 8) | readByte();
    }
    return new UUID((data1 << 32) | (data2 << 16) | data3, data4);
  }

  /**
   * Int32 length before a String or ByteString: -1 for null, otherwise checked against the bytes
   * left. Returns -1 for null and on failure.
   */
  private int readLength(String what) {
    int length = readInt32();
    if (failure != null || length == -1) {
      return -1;
    }
    if (length < -1) {
      fail(what + " length " + length);
      return -1;
    }
    if (length > end - position) {
      fail(what + " claims " + length + " bytes, " + (end - position) + " left");
      return -1;
    }
    return length;
  }

  /**
   * String: Int32 byte length (-1 = null) then UTF-8. Keeps at most {@link UaLimits#maxStringChars}
   * characters with control characters stripped; always moves past the whole string.
   */
  public String readString() {
    int length = readLength("String");
    if (length < 0) {
      return null;
    }
    int decode = Math.min(length, limits.maxStringChars() * 4);
    byte[] bytes = new byte[decode];
    buffer.get(position, bytes);
    position += length;
    return clean(new String(bytes, StandardCharsets.UTF_8), limits.maxStringChars());
  }

  /** Strips control characters and cuts to {@code maxChars}. */
  static String clean(String raw, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), maxChars));
    for (int i = 0; i < raw.length() && out.length() < maxChars; i++) {
      char c = raw.charAt(i);
      if (!Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Moves past a String or ByteString of any length. */
  public void skipString() {
    int length = readLength("String");
    if (length > 0) {
      position += length;
    }
  }

  /**
   * ByteString: Int32 length (-1 = null) then the bytes; fails when longer than {@link
   * UaLimits#maxByteStringBytes}.
   */
  public byte[] readByteString() {
    int length = readLength("ByteString");
    if (length < 0) {
      return null;
    }
    if (length > limits.maxByteStringBytes()) {
      fail("ByteString of " + length + " bytes exceeds " + limits.maxByteStringBytes());
      return null;
    }
    byte[] bytes = new byte[length];
    buffer.get(position, bytes);
    position += length;
    return bytes;
  }

  /**
   * ByteString of any length of which only the first {@code keep} bytes are kept; {@code null} for
   * a null ByteString.
   */
  public byte[] readByteStringPrefix(int keep) {
    int length = readLength("ByteString");
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[Math.min(length, keep)];
    buffer.get(position, bytes);
    position += length;
    return bytes;
  }

  /** ByteString length without keeping the bytes: -1 for null. */
  public int skipByteString() {
    int length = readLength("ByteString");
    if (length > 0) {
      position += length;
    }
    return length;
  }

  /**
   * Int32 array length: -1 (null array) is returned as 0. Fails on other negative values, on more
   * than {@link UaLimits#maxArrayLength} elements, and on more elements than bytes left (every
   * element takes at least {@code minElementBytes}).
   */
  public int readArrayLength(int minElementBytes) {
    int count = readInt32();
    if (failure != null || count == -1) {
      return 0;
    }
    if (count < -1) {
      fail("array length " + count);
      return 0;
    }
    if (count > limits.maxArrayLength()) {
      fail("array of " + count + " elements exceeds " + limits.maxArrayLength());
      return 0;
    }
    if ((long) count * Math.max(1, minElementBytes) > end - position) {
      fail("array of " + count + " elements cannot fit in " + (end - position) + " bytes");
      return 0;
    }
    return count;
  }

  /** An array of structures; a null array reads as an empty list; stops at the first failure. */
  public <T> List<T> readArray(int minElementBytes, Function<UaBinaryReader, T> element) {
    int count = readArrayLength(minElementBytes);
    List<T> out = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count && failure == null; i++) {
      out.add(element.apply(this));
    }
    return failure == null ? out : List.of();
  }

  /** An array of Strings (null array → empty list; null elements kept as {@code null}). */
  public List<String> readStringArray() {
    return readArray(4, UaBinaryReader::readString);
  }

  /** Moves past an array of Strings or ByteStrings. */
  public void skipStringArray() {
    int count = readArrayLength(4);
    for (int i = 0; i < count && failure == null; i++) {
      skipString();
    }
  }

  /**
   * A reader over the next {@code length} bytes (same limits); this reader moves past them. On
   * failure the returned reader is already failed.
   */
  public UaBinaryReader slice(int length) {
    if (length < 0 || !need(length, "nested body")) {
      UaBinaryReader empty = new UaBinaryReader(buffer, position, position, limits);
      empty.fail(failure != null ? failure : "negative nested length " + length);
      return empty;
    }
    UaBinaryReader nested = new UaBinaryReader(buffer, position, position + length, limits);
    position += length;
    return nested;
  }
}
