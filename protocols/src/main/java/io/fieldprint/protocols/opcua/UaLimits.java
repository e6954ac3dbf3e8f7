package io.fieldprint.protocols.opcua;

/**
 * Bounds the OPC UA decoder applies to hostile input. Every length read from the wire is checked
 * against the bytes that remain and against one of these limits.
 *
 * @param maxStringChars characters kept of a decoded String (longer ones are cut, control
 *     characters are stripped)
 * @param maxByteStringBytes largest ByteString kept in memory (certificates); longer ones fail the
 *     structure that holds them
 * @param maxArrayLength largest array element count accepted (also bounded by the bytes left)
 * @param maxDepth nesting depth for Variant, DataValue, ExtensionObject and DiagnosticInfo
 * @param maxChunkBytes largest MessageChunk (MessageSize) accepted
 * @param maxMessageBytes largest reassembled message body kept
 * @param maxChunksPerMessage most chunks one message may have
 * @param maxMessagesInProgress most partially received messages per connection
 * @param maxPendingRequests most requests per connection waiting for their response
 */
public record UaLimits(
    int maxStringChars,
    int maxByteStringBytes,
    int maxArrayLength,
    int maxDepth,
    int maxChunkBytes,
    int maxMessageBytes,
    int maxChunksPerMessage,
    int maxMessagesInProgress,
    int maxPendingRequests) {

  /** The limits the passive decoder uses. */
  public static final UaLimits DEFAULT =
      new UaLimits(256, 64 * 1024, 10_000, 10, 1 << 20, 1 << 20, 256, 8, 64);
}
