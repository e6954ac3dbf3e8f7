package io.fieldprint.protocols.decode;

/**
 * A TCP connection as the reassembler sees it.
 *
 * @param client the side that opened the connection (or, when the handshake was not captured, the
 *     side not on the protocol's well-known port)
 * @param server the other side
 * @param handshakeSeen whether the SYN was captured, i.e. whether the roles are certain
 */
public record TcpFlow(Endpoint client, Endpoint server, boolean handshakeSeen) {}
