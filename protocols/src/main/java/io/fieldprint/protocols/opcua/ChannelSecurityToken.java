package io.fieldprint.protocols.opcua;

import java.time.Instant;

/**
 * ChannelSecurityToken (Part 4 §5.5.2.2): ChannelId UInt32, TokenId UInt32, CreatedAt DateTime,
 * RevisedLifetime UInt32 (ms).
 *
 * @param channelId the SecureChannelId the server assigned
 * @param tokenId the security token id
 * @param createdAt when the server created the token
 * @param revisedLifetime token lifetime in milliseconds
 */
public record ChannelSecurityToken(
    long channelId, long tokenId, Instant createdAt, long revisedLifetime) {

  public static ChannelSecurityToken read(UaBinaryReader r) {
    long channelId = r.readUInt32();
    long tokenId = r.readUInt32();
    Instant createdAt = r.readDateTime();
    return new ChannelSecurityToken(channelId, tokenId, createdAt, r.readUInt32());
  }
}
