package io.fieldprint.protocols.opcua;

import java.util.List;

/**
 * GetEndpointsRequest body (Part 4 §5.4.4, encoding i=428): RequestHeader, EndpointUrl String,
 * LocaleIds String[], ProfileUris String[].
 *
 * @param endpointUrl the URL the client used to reach the server
 * @param profileUris transport profiles the client asked for
 */
public record GetEndpointsRequest(String endpointUrl, List<String> profileUris) {

  public static Parsed<GetEndpointsRequest> read(UaBinaryReader r) {
    RequestHeader.read(r);
    String url = r.readString();
    r.skipStringArray();
    return r.result(new GetEndpointsRequest(url, r.readStringArray()));
  }
}
