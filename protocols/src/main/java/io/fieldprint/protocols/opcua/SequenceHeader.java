package io.fieldprint.protocols.opcua;

/**
 * Sequence header of secure-conversation chunks (Part 6 §6.7.2.4): SequenceNumber UInt32 then
 * RequestId UInt32 (8 bytes; encrypted with the body on SignAndEncrypt channels).
 *
 * @param sequenceNumber the chunk's sequence number
 * @param requestId the id that ties a request's chunks and its response's chunks together
 */
public record SequenceHeader(long sequenceNumber, long requestId) {
  public static final int LENGTH = 8;

  public static SequenceHeader read(UaBinaryReader r) {
    long sequence = r.readUInt32();
    return new SequenceHeader(sequence, r.readUInt32());
  }
}
