package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hello message body (Part 6 §7.1.2.3), client to server: five UInt32 (ProtocolVersion,
 * ReceiveBufferSize, SendBufferSize, MaxMessageSize, MaxChunkCount) then EndpointUrl String (at
 * most 4096 bytes on the wire).
 *
 * @param protocolVersion ProtocolVersion UInt32
 * @param receiveBufferSize ReceiveBufferSize UInt32
 * @param sendBufferSize SendBufferSize UInt32
 * @param maxMessageSize MaxMessageSize UInt32 (0 = no limit)
 * @param maxChunkCount MaxChunkCount UInt32 (0 = no limit)
 * @param endpointUrl EndpointUrl String: the server as the client addresses it
 */
public record Hello(
    long protocolVersion,
    long receiveBufferSize,
    long sendBufferSize,
    long maxMessageSize,
    long maxChunkCount,
    String endpointUrl) {

  public static Parsed<Hello> read(UaBinaryReader r) {
    long version = r.readUInt32();
    long receive = r.readUInt32();
    long send = r.readUInt32();
    long maxMessage = r.readUInt32();
    long maxChunks = r.readUInt32();
    String url = r.readString();
    return r.result(new Hello(version, receive, send, maxMessage, maxChunks, url));
  }

  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("protocolVersion", protocolVersion);
    f.put("receiveBufferSize", receiveBufferSize);
    f.put("sendBufferSize", sendBufferSize);
    f.put("maxMessageSize", maxMessageSize);
    f.put("maxChunkCount", maxChunkCount);
    BuildInfo.putIfSet(f, "endpointUrl", endpointUrl);
    return f;
  }
}
