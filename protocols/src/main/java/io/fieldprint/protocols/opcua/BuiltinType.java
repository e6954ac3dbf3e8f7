package io.fieldprint.protocols.opcua;

/** The built-in types a Variant can hold (Part 6 §5.1.2, Table 1), by type id. */
public enum BuiltinType {
  BOOLEAN(1, 1),
  SBYTE(2, 1),
  BYTE(3, 1),
  INT16(4, 2),
  UINT16(5, 2),
  INT32(6, 4),
  UINT32(7, 4),
  INT64(8, 8),
  UINT64(9, 8),
  FLOAT(10, 4),
  DOUBLE(11, 8),
  STRING(12, 4),
  DATE_TIME(13, 8),
  GUID(14, 16),
  BYTE_STRING(15, 4),
  XML_ELEMENT(16, 4),
  NODE_ID(17, 2),
  EXPANDED_NODE_ID(18, 2),
  STATUS_CODE(19, 4),
  QUALIFIED_NAME(20, 6),
  LOCALIZED_TEXT(21, 1),
  EXTENSION_OBJECT(22, 3),
  DATA_VALUE(23, 1),
  VARIANT(24, 1),
  DIAGNOSTIC_INFO(25, 1);

  private static final BuiltinType[] BY_ID = new BuiltinType[26];

  static {
    for (BuiltinType t : values()) {
      BY_ID[t.id] = t;
    }
  }

  private final int id;
  private final int minBytes;

  BuiltinType(int id, int minBytes) {
    this.id = id;
    this.minBytes = minBytes;
  }

  public int id() {
    return id;
  }

  /** Fewest bytes one encoded value takes (bounds array counts against the bytes left). */
  public int minBytes() {
    return minBytes;
  }

  /**
   * The type for {@code id}; ids 26..31 are reserved and read as ByteString as Part 6 asks; {@code
   * null} for 0 and for ids above 31.
   */
  public static BuiltinType of(int id) {
    if (id >= 1 && id <= 25) {
      return BY_ID[id];
    }
    return id >= 26 && id <= 31 ? BYTE_STRING : null;
  }
}
