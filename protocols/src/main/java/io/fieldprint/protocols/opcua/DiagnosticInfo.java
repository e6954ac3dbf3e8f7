package io.fieldprint.protocols.opcua;

/**
 * DiagnosticInfo (Part 6 §5.2.2.12): an encoding mask byte, then present fields in this order:
 * SymbolicId Int32 (0x01), NamespaceUri Int32 (0x02), Locale Int32 (0x08), LocalizedText Int32
 * (0x04), AdditionalInfo String (0x10), InnerStatusCode UInt32 (0x20), InnerDiagnosticInfo (0x40,
 * recursive). The Int32 fields index the response's string table; -1 means absent.
 *
 * @param symbolicId string-table index, -1 when absent
 * @param namespaceUri string-table index, -1 when absent
 * @param locale string-table index, -1 when absent
 * @param localizedText string-table index, -1 when absent
 * @param additionalInfo vendor text, or {@code null}
 * @param innerStatusCode the inner StatusCode, or {@code null}
 * @param inner the nested DiagnosticInfo, or {@code null}
 */
public record DiagnosticInfo(
    int symbolicId,
    int namespaceUri,
    int locale,
    int localizedText,
    String additionalInfo,
    Long innerStatusCode,
    DiagnosticInfo inner) {

  /** Reads one DiagnosticInfo; nesting deeper than {@link UaLimits#maxDepth} is malformed. */
  public static DiagnosticInfo read(UaBinaryReader r, int depth) {
    if (depth > r.limits().maxDepth()) {
      r.fail("DiagnosticInfo nested deeper than " + r.limits().maxDepth());
      return null;
    }
    int mask = r.readByte();
    int symbolicId = (mask & 0x01) != 0 ? r.readInt32() : -1;
    int namespaceUri = (mask & 0x02) != 0 ? r.readInt32() : -1;
    int locale = (mask & 0x08) != 0 ? r.readInt32() : -1;
    int localizedText = (mask & 0x04) != 0 ? r.readInt32() : -1;
    String additionalInfo = (mask & 0x10) != 0 ? r.readString() : null;
    Long innerStatus = (mask & 0x20) != 0 ? r.readUInt32() : null;
    DiagnosticInfo inner = (mask & 0x40) != 0 ? read(r, depth + 1) : null;
    return new DiagnosticInfo(
        symbolicId, namespaceUri, locale, localizedText, additionalInfo, innerStatus, inner);
  }

  /** Moves past an array of DiagnosticInfo. */
  public static void skipArray(UaBinaryReader r) {
    int count = r.readArrayLength(1);
    for (int i = 0; i < count && !r.failed(); i++) {
      read(r, 0);
    }
  }
}
