package io.fieldprint.protocols.opcua;

import java.util.ArrayList;
import java.util.List;

/**
 * Variant (Part 6 §5.2.2.16): an encoding mask byte (bits 0..5 built-in type id, 0x80 array, 0x40
 * array dimensions present), then either one value or an Int32 element count and the elements, then
 * (with 0x40) an Int32 dimension count and Int32 dimensions.
 *
 * <p>Values are kept as plain Java objects: Boolean, Integer/Long (all integer types; UInt64 as its
 * signed bits), Double (Float and Double), String (String, XmlElement), Instant (DateTime), UUID
 * (Guid), byte[] (ByteString), NodeId, ExpandedNodeId, Long (StatusCode), QualifiedName,
 * LocalizedText, ExtensionObject, DataValue, Variant, DiagnosticInfo; arrays as a List of those.
 *
 * @param typeId built-in type id, 0 for the null Variant
 * @param value the scalar value, a List for arrays, or {@code null}
 * @param arrayDimensions dimensions of a multi-dimensional array, else empty
 */
public record Variant(int typeId, Object value, List<Integer> arrayDimensions) {

  public static final Variant NULL = new Variant(0, null, List.of());

  public boolean isArray() {
    return value instanceof List;
  }

  /** Reads one Variant; nesting deeper than {@link UaLimits#maxDepth} is malformed. */
  public static Variant read(UaBinaryReader r, int depth) {
    if (depth > r.limits().maxDepth()) {
      r.fail("Variant nested deeper than " + r.limits().maxDepth());
      return NULL;
    }
    int mask = r.readByte();
    int typeId = mask & 0x3F;
    if (mask == 0 || r.failed()) {
      return NULL;
    }
    BuiltinType type = BuiltinType.of(typeId);
    if (type == null) {
      r.fail("Variant type id " + typeId);
      return NULL;
    }
    if ((mask & 0x80) == 0) {
      if ((mask & 0x40) != 0) {
        r.fail("Variant has array dimensions without the array bit");
        return NULL;
      }
      return new Variant(typeId, readValue(r, type, depth), List.of());
    }
    int count = r.readArrayLength(type.minBytes());
    List<Object> values = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count && !r.failed(); i++) {
      values.add(readValue(r, type, depth));
    }
    List<Integer> dimensions = (mask & 0x40) != 0 ? readDimensions(r) : List.of();
    return r.failed() ? NULL : new Variant(typeId, values, dimensions);
  }

  private static List<Integer> readDimensions(UaBinaryReader r) {
    int count = r.readArrayLength(4);
    List<Integer> dimensions = new ArrayList<>(Math.min(count, 8));
    for (int i = 0; i < count && !r.failed(); i++) {
      dimensions.add(r.readInt32());
    }
    return dimensions;
  }

  /** One value of {@code type}. */
  static Object readValue(UaBinaryReader r, BuiltinType type, int depth) {
    switch (type) {
      case BOOLEAN:
        return r.readBoolean();
      case SBYTE:
        return (int) (byte) r.readByte();
      case BYTE:
        return r.readByte();
      case INT16:
        return r.readInt16();
      case UINT16:
        return r.readUInt16();
      case INT32:
        return r.readInt32();
      case UINT32:
      case STATUS_CODE:
        return r.readUInt32();
      case INT64:
      case UINT64:
        return r.readInt64();
      case FLOAT:
        return (double) r.readFloat();
      case DOUBLE:
        return r.readDouble();
      case STRING:
      case XML_ELEMENT:
        return r.readString();
      case DATE_TIME:
        return r.readDateTime();
      case GUID:
        return r.readGuid();
      case BYTE_STRING:
        return r.readByteStringPrefix(r.limits().maxByteStringBytes());
      default:
        return readStructured(r, type, depth);
    }
  }

  private static Object readStructured(UaBinaryReader r, BuiltinType type, int depth) {
    switch (type) {
      case NODE_ID:
        return NodeId.read(r);
      case EXPANDED_NODE_ID:
        return ExpandedNodeId.read(r);
      case QUALIFIED_NAME:
        return QualifiedName.read(r);
      case LOCALIZED_TEXT:
        return LocalizedText.read(r);
      case EXTENSION_OBJECT:
        return ExtensionObject.read(r, depth + 1);
      case DATA_VALUE:
        return DataValue.read(r, depth + 1);
      case VARIANT:
        return read(r, depth + 1);
      default:
        return DiagnosticInfo.read(r, depth + 1);
    }
  }
}
