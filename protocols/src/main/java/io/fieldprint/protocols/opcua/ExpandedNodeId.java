package io.fieldprint.protocols.opcua;

/**
 * ExpandedNodeId (Part 6 §5.2.2.10): a NodeId whose encoding byte may carry two flags, 0x80 (a
 * NamespaceUri String follows the NodeId) and 0x40 (a UInt32 ServerIndex follows).
 *
 * @param nodeId the NodeId
 * @param namespaceUri the namespace URI, or {@code null}
 * @param serverIndex the server index, 0 when absent
 */
public record ExpandedNodeId(NodeId nodeId, String namespaceUri, long serverIndex) {

  public static ExpandedNodeId read(UaBinaryReader r) {
    int encoding = r.readByte();
    NodeId nodeId = NodeId.readBody(r, encoding & 0x3F);
    String uri = (encoding & 0x80) != 0 ? r.readString() : null;
    long serverIndex = (encoding & 0x40) != 0 ? r.readUInt32() : 0;
    return new ExpandedNodeId(nodeId, uri, serverIndex);
  }

  /** Moves past an ExpandedNodeId without allocating. */
  public static void skip(UaBinaryReader r) {
    int encoding = r.readByte();
    NodeId.skipBody(r, encoding & 0x3F);
    if ((encoding & 0x80) != 0) {
      r.skipString();
    }
    if ((encoding & 0x40) != 0) {
      r.readUInt32();
    }
  }
}
