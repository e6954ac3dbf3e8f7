package io.fieldprint.protocols.inventory;

/**
 * The addresses one observation names a device by. {@code scope} is empty except for loopback
 * addresses, which name a different host in each capture: they are scoped by the capture name.
 */
record DeviceKey(String mac, String ip, String scope) {

  String ipNode() {
    return ip == null ? null : scope.isEmpty() ? "ip:" + ip : "ip:" + ip + "@" + scope;
  }

  String macNode() {
    return mac == null ? null : "mac:" + mac;
  }
}
