package io.fieldprint.protocols.opcua;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/** Test-side encoder for the OPC UA binary encoding (Part 6 §5.2), little-endian. */
final class UaBinaryWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  byte[] toBytes() {
    return out.toByteArray();
  }

  int size() {
    return out.size();
  }

  UaBinaryWriter u8(int v) {
    out.write(v);
    return this;
  }

  UaBinaryWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  UaBinaryWriter i16(int v) {
    return u8(v).u8(v >> 8);
  }

  UaBinaryWriter i32(int v) {
    return u8(v).u8(v >> 8).u8(v >> 16).u8(v >> 24);
  }

  UaBinaryWriter u32(long v) {
    return i32((int) v);
  }

  UaBinaryWriter i64(long v) {
    return i32((int) v).i32((int) (v >>> 32));
  }

  UaBinaryWriter f64(double v) {
    return i64(Double.doubleToLongBits(v));
  }

  UaBinaryWriter f32(float v) {
    return i32(Float.floatToIntBits(v));
  }

  /** String: Int32 length (-1 for null) then UTF-8. */
  UaBinaryWriter string(String s) {
    if (s == null) {
      return i32(-1);
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return i32(b.length).raw(b);
  }

  /** ByteString: Int32 length (-1 for null) then the bytes. */
  UaBinaryWriter bytes(byte[] b) {
    return b == null ? i32(-1) : i32(b.length).raw(b);
  }

  UaBinaryWriter dateTime(Instant at) {
    if (at == null) {
      return i64(0);
    }
    long ticks =
        at.getEpochSecond() * 10_000_000L + at.getNano() / 100 + UaBinaryReader.EPOCH_OFFSET_TICKS;
    return i64(ticks);
  }

  UaBinaryWriter guid(UUID g) {
    long msb = g.getMostSignificantBits();
    u32(msb >>> 32).i16((int) (msb >>> 16)).i16((int) msb);
    long lsb = g.getLeastSignificantBits();
    for (int i = 7; i >= 0; i--) {
      u8((int) (lsb >>> (8 * i)));
    }
    return this;
  }

  /** A namespace-0 numeric NodeId in its smallest form. */
  UaBinaryWriter nodeId(long id) {
    if (id < 256) {
      return u8(0).u8((int) id);
    }
    if (id < 65536) {
      return u8(1).u8(0).i16((int) id);
    }
    return u8(2).i16(0).u32(id);
  }

  UaBinaryWriter localizedText(String locale, String text) {
    int mask = (locale != null ? 1 : 0) | (text != null ? 2 : 0);
    u8(mask);
    if (locale != null) {
      string(locale);
    }
    if (text != null) {
      string(text);
    }
    return this;
  }

  /** An ExtensionObject with a binary body (or no body when {@code body} is null). */
  UaBinaryWriter extensionObject(long encodingId, byte[] body) {
    nodeId(encodingId);
    return body == null ? u8(0) : u8(1).bytes(body);
  }

  UaBinaryWriter stringArray(List<String> values) {
    if (values == null) {
      return i32(-1);
    }
    i32(values.size());
    values.forEach(this::string);
    return this;
  }

  <T> UaBinaryWriter array(List<T> values, BiConsumer<UaBinaryWriter, T> element) {
    i32(values.size());
    values.forEach(v -> element.accept(this, v));
    return this;
  }

  /** RequestHeader: null token, time, handle, diagnostics 0, no audit id, timeout, no header. */
  UaBinaryWriter requestHeader() {
    return nodeId(0)
        .dateTime(Instant.parse("2024-01-02T03:04:05Z"))
        .u32(1)
        .u32(0)
        .string(null)
        .u32(10_000)
        .extensionObject(0, null);
  }

  /** ResponseHeader with a ServiceResult and an empty DiagnosticInfo. */
  UaBinaryWriter responseHeader(long serviceResult) {
    return dateTime(Instant.parse("2024-01-02T03:04:06Z"))
        .u32(1)
        .u32(serviceResult)
        .u8(0)
        .i32(-1)
        .extensionObject(0, null);
  }
}
