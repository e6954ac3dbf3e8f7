package io.fieldprint.protocols.opcua;

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
}
