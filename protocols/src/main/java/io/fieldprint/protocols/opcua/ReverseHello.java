package io.fieldprint.protocols.opcua;

/**
 * ReverseHello message body (Part 6 §7.1.2.6), sent by a server that opened the TCP connection to a
 * client: ServerUri String (the server's ApplicationUri) then EndpointUrl String.
 *
 * @param serverUri the server's ApplicationUri
 * @param endpointUrl the endpoint the client is to use
 */
public record ReverseHello(String serverUri, String endpointUrl) {

  public static Parsed<ReverseHello> read(UaBinaryReader r) {
    String serverUri = r.readString();
    return r.result(new ReverseHello(serverUri, r.readString()));
  }
}
