package io.fieldprint.protocols.opcua;

import java.util.ArrayList;
import java.util.List;

/**
 * ReadRequest body (Part 4 §5.10.2, encoding i=631): RequestHeader, MaxAge Double,
 * TimestampsToReturn enumeration (Int32), NodesToRead ReadValueId[].
 *
 * @param nodesToRead the nodes and attributes read, in order
 */
public record ReadRequest(List<ReadValueId> nodesToRead) {

  public static Parsed<ReadRequest> read(UaBinaryReader r) {
    RequestHeader.read(r);
    r.readDouble();
    r.readInt32();
    return r.result(new ReadRequest(r.readArray(ReadValueId.MIN_BYTES, ReadValueId::read)));
  }

  /**
   * Scans a ReadRequest body for Value reads of Server_ServerStatus nodes without allocating for
   * the nodes it passes over: their positions and ids, or {@code null} when there are none (or the
   * body is malformed; see {@link UaBinaryReader#failure()}).
   */
  static PendingRequests.ServerStatusRead serverStatusNodes(UaBinaryReader r) {
    RequestHeader.skip(r);
    r.skip(8 + 4);
    int count = r.readArrayLength(ReadValueId.MIN_BYTES);
    List<Integer> indices = null;
    List<Long> nodes = null;
    for (int i = 0; i < count && !r.failed(); i++) {
      long node = NodeId.skipToNs0Numeric(r);
      long attribute = r.readUInt32();
      r.skipString();
      r.skip(2);
      r.skipString();
      if (ServerStatusReading.interesting(node, attribute)) {
        if (indices == null) {
          indices = new ArrayList<>();
          nodes = new ArrayList<>();
        }
        indices.add(i);
        nodes.add(node);
      }
    }
    return indices == null || r.failed()
        ? null
        : new PendingRequests.ServerStatusRead(indices, nodes);
  }
}
