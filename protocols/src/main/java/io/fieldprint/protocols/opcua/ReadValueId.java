package io.fieldprint.protocols.opcua;

/**
 * ReadValueId (Part 4 §7.29): NodeId NodeId, AttributeId UInt32, IndexRange String, DataEncoding
 * QualifiedName.
 *
 * @param nodeId the node read
 * @param attributeId the attribute read (13 = Value)
 */
public record ReadValueId(NodeId nodeId, long attributeId) {
  /** The Value attribute. */
  public static final long VALUE_ATTRIBUTE = 13;

  /** Fewest bytes one encoded ReadValueId takes. */
  static final int MIN_BYTES = 2 + 4 + 4 + 6;

  public static ReadValueId read(UaBinaryReader r) {
    NodeId node = NodeId.read(r);
    long attribute = r.readUInt32();
    r.skipString();
    QualifiedName.read(r);
    return new ReadValueId(node, attribute);
  }
}
