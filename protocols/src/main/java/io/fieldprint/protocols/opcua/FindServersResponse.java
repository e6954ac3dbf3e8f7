package io.fieldprint.protocols.opcua;

import java.util.List;

/**
 * FindServersResponse body (Part 4 §5.4.2, encoding i=425): ResponseHeader, Servers
 * ApplicationDescription[]. A discovery server lists itself and the servers registered with it.
 *
 * @param header the response header
 * @param servers the applications the responder knows
 */
public record FindServersResponse(ResponseHeader header, List<ApplicationDescription> servers) {

  public static Parsed<FindServersResponse> read(UaBinaryReader r) {
    ResponseHeader header = ResponseHeader.read(r);
    List<ApplicationDescription> servers =
        r.readArray(ApplicationDescription.MIN_BYTES, ApplicationDescription::read);
    return r.result(new FindServersResponse(header, servers));
  }
}
