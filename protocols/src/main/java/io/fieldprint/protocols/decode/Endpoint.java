package io.fieldprint.protocols.decode;

import io.fieldprint.protocols.model.DeviceRef;

/**
 * One side of a conversation.
 *
 * @param mac link-layer address, or {@code null} when the link type has none (raw IP, loopback)
 * @param ip IP address text
 * @param port transport port
 */
public record Endpoint(String mac, String ip, int port) {

  public DeviceRef device() {
    return new DeviceRef(mac, ip);
  }
}
