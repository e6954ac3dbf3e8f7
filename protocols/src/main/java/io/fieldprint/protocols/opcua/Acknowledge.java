package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Acknowledge message body (Part 6 §7.1.2.4), server to client: five UInt32 (ProtocolVersion,
 * ReceiveBufferSize, SendBufferSize, MaxMessageSize, MaxChunkCount) with the server's revised
 * values.
 *
 * @param protocolVersion ProtocolVersion UInt32
 * @param receiveBufferSize ReceiveBufferSize UInt32
 * @param sendBufferSize SendBufferSize UInt32
 * @param maxMessageSize MaxMessageSize UInt32 (0 = no limit)
 * @param maxChunkCount MaxChunkCount UInt32 (0 = no limit)
 */
public record Acknowledge(
    long protocolVersion,
    long receiveBufferSize,
    long sendBufferSize,
    long maxMessageSize,
    long maxChunkCount) {

  public static Parsed<Acknowledge> read(UaBinaryReader r) {
    long version = r.readUInt32();
    long receive = r.readUInt32();
    long send = r.readUInt32();
    long maxMessage = r.readUInt32();
    return r.result(new Acknowledge(version, receive, send, maxMessage, r.readUInt32()));
  }

  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("protocolVersion", protocolVersion);
    f.put("receiveBufferSize", receiveBufferSize);
    f.put("sendBufferSize", sendBufferSize);
    f.put("maxMessageSize", maxMessageSize);
    f.put("maxChunkCount", maxChunkCount);
    return f;
  }
}
