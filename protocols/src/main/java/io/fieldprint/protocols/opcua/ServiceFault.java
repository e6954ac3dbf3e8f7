package io.fieldprint.protocols.opcua;

/**
 * ServiceFault body (Part 4 §7.35, encoding i=397): a ResponseHeader only; its ServiceResult says
 * why the request failed.
 *
 * @param header the response header
 */
public record ServiceFault(ResponseHeader header) {

  public static Parsed<ServiceFault> read(UaBinaryReader r) {
    ResponseHeader header = ResponseHeader.read(r);
    return r.result(new ServiceFault(header));
  }
}
