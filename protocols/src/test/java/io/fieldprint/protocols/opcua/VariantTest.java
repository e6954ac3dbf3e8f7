package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VariantTest {

  private static Variant variant(UaBinaryWriter w) {
    UaBinaryReader r = UaBinaryReader.of(w.toBytes());
    Variant v = Variant.read(r, 0);
    assertFalse(r.failed(), r::failure);
    assertEquals(0, r.remaining(), "whole Variant consumed");
    return v;
  }

  static Stream<Arguments> scalars() {
    Instant at = Instant.parse("2021-08-19T23:54:55.021087Z");
    UUID g = UUID.fromString("72962b91-fa75-4ae6-8d28-b404dc7daf63");
    return Stream.of(
        Arguments.of(1, (Consumer<UaBinaryWriter>) w -> w.u8(1), true),
        Arguments.of(2, (Consumer<UaBinaryWriter>) w -> w.u8(0xFE), -2),
        Arguments.of(3, (Consumer<UaBinaryWriter>) w -> w.u8(0xFE), 254),
        Arguments.of(4, (Consumer<UaBinaryWriter>) w -> w.i16(-3), -3),
        Arguments.of(5, (Consumer<UaBinaryWriter>) w -> w.i16(0xFFFF), 65535),
        Arguments.of(6, (Consumer<UaBinaryWriter>) w -> w.i32(-70000), -70000),
        Arguments.of(7, (Consumer<UaBinaryWriter>) w -> w.u32(4_000_000_000L), 4_000_000_000L),
        Arguments.of(8, (Consumer<UaBinaryWriter>) w -> w.i64(-1), -1L),
        Arguments.of(9, (Consumer<UaBinaryWriter>) w -> w.i64(42), 42L),
        Arguments.of(10, (Consumer<UaBinaryWriter>) w -> w.f32(0.5f), 0.5),
        Arguments.of(11, (Consumer<UaBinaryWriter>) w -> w.f64(1e300), 1e300),
        Arguments.of(12, (Consumer<UaBinaryWriter>) w -> w.string("S7-1500"), "S7-1500"),
        Arguments.of(13, (Consumer<UaBinaryWriter>) w -> w.dateTime(at), at),
        Arguments.of(14, (Consumer<UaBinaryWriter>) w -> w.guid(g), g),
        Arguments.of(16, (Consumer<UaBinaryWriter>) w -> w.string("<a/>"), "<a/>"),
        Arguments.of(17, (Consumer<UaBinaryWriter>) w -> w.nodeId(2256), NodeId.numeric(0, 2256)),
        Arguments.of(
            18,
            (Consumer<UaBinaryWriter>) w -> w.nodeId(85),
            new ExpandedNodeId(NodeId.numeric(0, 85), null, 0)),
        Arguments.of(19, (Consumer<UaBinaryWriter>) w -> w.u32(0x80340000L), 0x80340000L),
        Arguments.of(
            20,
            (Consumer<UaBinaryWriter>) w -> w.i16(1).string("Name"),
            new QualifiedName(1, "Name")),
        Arguments.of(
            21,
            (Consumer<UaBinaryWriter>) w -> w.localizedText("en", "Pump"),
            new LocalizedText("en", "Pump")));
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void scalarOfEveryBuiltinTypeRoundTrips(int type, Consumer<UaBinaryWriter> value, Object want) {
    UaBinaryWriter w = new UaBinaryWriter().u8(type);
    value.accept(w);
    Variant v = variant(w);
    assertEquals(type, v.typeId());
    assertEquals(want, v.value());
    assertFalse(v.isArray());
  }

  @Test
  void byteStringAndReservedTypeIdsReadAsBytes() {
    Variant v = variant(new UaBinaryWriter().u8(15).bytes(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) v.value());
    Variant reserved = variant(new UaBinaryWriter().u8(27).bytes(new byte[] {3}));
    assertArrayEquals(new byte[] {3}, (byte[]) reserved.value());
  }

  @Test
  void nullVariantIsTypeZero() {
    assertEquals(Variant.NULL, variant(new UaBinaryWriter().u8(0)));
  }

  @Test
  void nestedStructuredValuesDecode() {
    Variant dv = variant(new UaBinaryWriter().u8(23).u8(0x03).u8(6).i32(5).u32(0));
    assertEquals(5, ((DataValue) dv.value()).value().value());
    Variant inner = variant(new UaBinaryWriter().u8(24).u8(12).string("x"));
    assertEquals("x", ((Variant) inner.value()).value());
    Variant diag = variant(new UaBinaryWriter().u8(25).u8(0x01).i32(3));
    assertEquals(3, ((DiagnosticInfo) diag.value()).symbolicId());
    Variant eo = variant(new UaBinaryWriter().u8(22).extensionObject(77, new byte[] {9}));
    assertEquals(NodeId.numeric(0, 77), ((ExtensionObject) eo.value()).typeId());
  }

  @Test
  void arrayWithDimensions() {
    Variant v =
        variant(
            new UaBinaryWriter()
                .u8(0x80 | 0x40 | 6)
                .i32(4)
                .i32(1)
                .i32(2)
                .i32(3)
                .i32(4)
                .i32(2)
                .i32(2)
                .i32(2));
    assertEquals(List.of(1, 2, 3, 4), v.value());
    assertEquals(List.of(2, 2), v.arrayDimensions());
    assertTrue(v.isArray());
  }

  @Test
  void nullAndEmptyArrays() {
    assertEquals(List.of(), variant(new UaBinaryWriter().u8(0x80 | 12).i32(-1)).value());
    assertEquals(List.of(), variant(new UaBinaryWriter().u8(0x80 | 12).i32(0)).value());
  }

  @Test
  void arrayOfStringsWithNullElement() {
    Variant v = variant(new UaBinaryWriter().u8(0x80 | 12).i32(2).string("a").string(null));
    assertEquals(java.util.Arrays.asList("a", null), v.value());
  }

  @Test
  void arrayElementCountIsCappedByTheLimitAndByTheBytesLeft() {
    UaLimits small = new UaLimits(256, 64, 8, 10, 1 << 20, 1 << 20, 16, 4, 8);
    byte[] nine = new UaBinaryWriter().u8(0x80 | 3).i32(9).raw(new byte[9]).toBytes();
    UaBinaryReader r = UaBinaryReader.of(ByteBuffer.wrap(nine), 0, nine.length, small);
    assertEquals(Variant.NULL, Variant.read(r, 0));
    assertTrue(r.failure().contains("exceeds 8"), r.failure());

    UaBinaryReader overClaim =
        UaBinaryReader.of(new UaBinaryWriter().u8(0x80 | 11).i32(1000).f64(1).toBytes());
    Variant.read(overClaim, 0);
    assertTrue(overClaim.failure().contains("cannot fit"), overClaim.failure());
  }

  @Test
  void dimensionsWithoutTheArrayBitAreMalformed() {
    UaBinaryReader r = UaBinaryReader.of(new UaBinaryWriter().u8(0x40 | 6).i32(1).toBytes());
    Variant.read(r, 0);
    assertTrue(r.failure().contains("array dimensions"), r.failure());
  }

  @Test
  void typeIdAboveThirtyOneIsMalformed() {
    UaBinaryReader r = UaBinaryReader.of(new byte[] {32, 0, 0, 0, 0});
    Variant.read(r, 0);
    assertTrue(r.failure().contains("type id 32"), r.failure());
  }

  @Test
  void deeplyNestedVariantsStopAtTheDepthLimit() {
    UaBinaryWriter w = new UaBinaryWriter();
    for (int i = 0; i < 200; i++) {
      w.u8(24);
    }
    w.u8(6).i32(1);
    UaBinaryReader r = UaBinaryReader.of(w.toBytes());
    Variant.read(r, 0);
    assertTrue(r.failure().contains("nested deeper"), r.failure());
  }

  @Test
  void dataValueMaskSelectsFieldsInSpecOrder() {
    Instant source = Instant.parse("2024-01-01T00:00:00Z");
    Instant server = Instant.parse("2024-01-01T00:00:01Z");
    UaBinaryReader r =
        UaBinaryReader.of(
            new UaBinaryWriter()
                .u8(0x3F)
                .u8(12)
                .string("v")
                .u32(0x40000000L)
                .dateTime(source)
                .i16(5)
                .dateTime(server)
                .i16(6)
                .u8(0x02)
                .u32(0x80340000L)
                .u8(0)
                .toBytes());
    DataValue all = DataValue.read(r, 0);
    assertEquals("v", all.value().value());
    assertEquals(0x40000000L, all.statusCode());
    assertEquals(source, all.sourceTimestamp());
    assertEquals(server, all.serverTimestamp());
    assertTrue(all.isGood() == false);
    DataValue bad = DataValue.read(r, 0);
    assertEquals(Variant.NULL, bad.value());
    assertFalse(bad.isGood());
    DataValue empty = DataValue.read(r, 0);
    assertTrue(empty.isGood());
    assertNull(empty.sourceTimestamp());
    assertFalse(r.failed());
  }
}
