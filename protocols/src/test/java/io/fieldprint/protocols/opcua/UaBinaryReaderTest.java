package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UaBinaryReaderTest {

  private static UaBinaryReader reader(UaBinaryWriter w) {
    return UaBinaryReader.of(w.toBytes());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678})
  void int32RoundTripsLittleEndian(int value) {
    UaBinaryReader r = reader(new UaBinaryWriter().i32(value));
    assertEquals(value, r.readInt32());
    assertFalse(r.failed());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 0xFFFF_FFFFL, 0x8000_0000L})
  void uint32ReadsUnsigned(long value) {
    assertEquals(value, reader(new UaBinaryWriter().u32(value)).readUInt32());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 0x7FFF, 0x8000, 0xFFFF})
  void int16AndUInt16RoundTrip(int value) {
    assertEquals(value, reader(new UaBinaryWriter().i16(value)).readUInt16());
    assertEquals((short) value, reader(new UaBinaryWriter().i16(value)).readInt16());
  }

  @Test
  void readsTheSameFromABigEndianBufferWithoutChangingItsOrder() {
    ByteBuffer big = ByteBuffer.wrap(new UaBinaryWriter().i32(0x01020304).i64(-5).toBytes());
    UaBinaryReader r = UaBinaryReader.of(big, 0, big.limit(), UaLimits.DEFAULT);
    assertEquals(0x01020304, r.readInt32());
    assertEquals(-5, r.readInt64());
    assertEquals(ByteOrder.BIG_ENDIAN, big.order());
    assertEquals(0, big.position());
  }

  @Test
  void int64FloatAndDoubleRoundTrip() {
    UaBinaryReader r =
        reader(new UaBinaryWriter().i64(Long.MIN_VALUE).f32(1.5f).f64(-2.25).u8(1).u8(0));
    assertEquals(Long.MIN_VALUE, r.readInt64());
    assertEquals(1.5f, r.readFloat());
    assertEquals(-2.25, r.readDouble());
    assertTrue(r.readBoolean());
    assertFalse(r.readBoolean());
    assertEquals(0, r.remaining());
  }

  @Test
  void readingPastTheEndFailsOnceAndReturnsNeutralValues() {
    UaBinaryReader r = reader(new UaBinaryWriter().u8(1).u8(2).u8(3));
    assertEquals(0, r.readInt32());
    assertTrue(r.failed());
    assertTrue(r.failure().startsWith("Int32 needs 4 bytes, 3 left"), r.failure());
    String first = r.failure();
    assertEquals(0, r.readByte());
    assertNull(r.readString());
    assertEquals(first, r.failure());
    assertTrue(r.result("x") instanceof Parsed.Malformed);
  }

  @Test
  void stringNullEmptyAndUtf8() {
    UaBinaryReader r = reader(new UaBinaryWriter().string(null).string("").string("Pumpe Süd – Ω"));
    assertNull(r.readString());
    assertEquals("", r.readString());
    assertEquals("Pumpe Süd – Ω", r.readString());
    assertFalse(r.failed());
  }

  @Test
  void stringIsCutToTheLimitAndControlCharactersAreStrippedButAllBytesAreConsumed() {
    String longText = "A".repeat(300) + "\u0000\u0007tail";
    UaBinaryReader r =
        reader(new UaBinaryWriter().string("bad\u0001\nname").string(longText).u8(42));
    assertEquals("badname", r.readString());
    assertEquals("A".repeat(256), r.readString());
    assertEquals(42, r.readByte());
    assertFalse(r.failed());
  }

  @ParameterizedTest
  @ValueSource(ints = {-2, -100, Integer.MIN_VALUE})
  void stringWithNegativeLengthOtherThanMinusOneIsMalformed(int length) {
    UaBinaryReader r = reader(new UaBinaryWriter().i32(length));
    assertNull(r.readString());
    assertTrue(r.failed());
  }

  @Test
  void stringThatOverClaimsItsLengthNeverReadsPastTheData() {
    UaBinaryReader r = reader(new UaBinaryWriter().i32(1000).raw("short".getBytes()));
    assertNull(r.readString());
    assertTrue(r.failure().contains("claims 1000 bytes, 5 left"), r.failure());
  }

  @Test
  void byteStringNullEmptyAndLimit() {
    UaLimits small = new UaLimits(256, 4, 100, 10, 1 << 20, 1 << 20, 16, 4, 8);
    byte[] bytes =
        new UaBinaryWriter()
            .bytes(null)
            .bytes(new byte[0])
            .bytes(new byte[4])
            .bytes(new byte[5])
            .toBytes();
    UaBinaryReader r = UaBinaryReader.of(ByteBuffer.wrap(bytes), 0, bytes.length, small);
    assertNull(r.readByteString());
    assertEquals(0, r.readByteString().length);
    assertEquals(4, r.readByteString().length);
    assertNull(r.readByteString());
    assertTrue(r.failure().contains("exceeds 4"), r.failure());
  }

  @Test
  void byteStringPrefixKeepsOnlyTheFirstBytes() {
    UaBinaryReader r = reader(new UaBinaryWriter().bytes(new byte[] {1, 2, 3, 4, 5}).u8(9));
    assertEquals(2, r.readByteStringPrefix(2).length);
    assertEquals(9, r.readByte());
  }

  @Test
  void dateTimeRoundTripsAndZeroAndMaxMeanNoValue() {
    Instant at = Instant.parse("2023-11-15T16:48:13.201515900Z");
    UaBinaryReader r =
        reader(new UaBinaryWriter().dateTime(at).i64(0).i64(Long.MAX_VALUE).i64(-7).i64(1));
    assertEquals(at, r.readDateTime());
    assertNull(r.readDateTime());
    assertNull(r.readDateTime());
    assertNull(r.readDateTime());
    assertEquals(Instant.parse("1601-01-01T00:00:00.0000001Z"), r.readDateTime());
  }

  @Test
  void guidRoundTrips() {
    UUID g = UUID.fromString("72962b91-fa75-4ae6-8d28-b404dc7daf63");
    assertEquals(g, reader(new UaBinaryWriter().guid(g)).readGuid());
  }

  @Test
  void guidMatchesThePart6ByteLayout() {
    byte[] wire = {
      (byte) 0x91,
      0x2b,
      (byte) 0x96,
      0x72,
      0x75,
      (byte) 0xfa,
      (byte) 0xe6,
      0x4a,
      (byte) 0x8d,
      0x28,
      (byte) 0xb4,
      0x04,
      (byte) 0xdc,
      0x7d,
      (byte) 0xaf,
      0x63
    };
    assertEquals(
        UUID.fromString("72962b91-fa75-4ae6-8d28-b404dc7daf63"),
        UaBinaryReader.of(wire).readGuid());
  }

  @Test
  void arrayLengthMinusOneIsAnEmptyArray() {
    UaBinaryReader r = reader(new UaBinaryWriter().i32(-1));
    assertEquals(List.of(), r.readStringArray());
    assertFalse(r.failed());
  }

  @Test
  void arrayCountsAreCheckedAgainstLimitAndRemainingBytes() {
    UaLimits small = new UaLimits(256, 64, 3, 10, 1 << 20, 1 << 20, 16, 4, 8);
    byte[] four = new UaBinaryWriter().stringArray(List.of("a", "b", "c", "d")).toBytes();
    UaBinaryReader r = UaBinaryReader.of(ByteBuffer.wrap(four), 0, four.length, small);
    assertEquals(List.of(), r.readStringArray());
    assertTrue(r.failure().contains("exceeds 3"), r.failure());

    UaBinaryReader huge = reader(new UaBinaryWriter().i32(5000).u8(0));
    assertEquals(0, huge.readArrayLength(4));
    assertTrue(huge.failure().contains("cannot fit"), huge.failure());

    UaBinaryReader negative = reader(new UaBinaryWriter().i32(-5));
    assertEquals(0, negative.readArrayLength(1));
    assertTrue(negative.failed());
  }

  @Test
  void sliceBoundsANestedBody() {
    UaBinaryReader r = reader(new UaBinaryWriter().u8(1).u8(2).u8(3));
    UaBinaryReader nested = r.slice(2);
    assertEquals(1, nested.readByte());
    assertEquals(2, nested.readByte());
    assertEquals(0, nested.readByte());
    assertTrue(nested.failed());
    assertEquals(3, r.readByte());
    assertFalse(r.failed());
    assertTrue(reader(new UaBinaryWriter().u8(1)).slice(5).failed());
  }

  @Test
  void windowOfABufferIsNotReadOutside() {
    byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8};
    UaBinaryReader r = UaBinaryReader.of(ByteBuffer.wrap(bytes), 2, 5, UaLimits.DEFAULT);
    assertEquals(3, r.readByte());
    assertEquals(0, r.readInt32());
    assertTrue(r.failed());
    UaBinaryReader clamped = UaBinaryReader.of(ByteBuffer.wrap(bytes), 6, 100, UaLimits.DEFAULT);
    assertEquals(2, clamped.remaining());
  }
}
