package io.fieldprint.protocols.opcua;

import java.util.List;

/**
 * GetEndpointsResponse body (Part 4 §5.4.4, encoding i=431): ResponseHeader, Endpoints
 * EndpointDescription[].
 *
 * @param header the response header
 * @param endpoints every endpoint the server offers
 */
public record GetEndpointsResponse(ResponseHeader header, List<EndpointDescription> endpoints) {

  public static Parsed<GetEndpointsResponse> read(UaBinaryReader r) {
    ResponseHeader header = ResponseHeader.read(r);
    List<EndpointDescription> endpoints =
        r.readArray(EndpointDescription.MIN_BYTES, EndpointDescription::read);
    return r.result(new GetEndpointsResponse(header, endpoints));
  }
}
