package io.fieldprint.protocols.opcua;

import java.util.ArrayList;
import java.util.List;

/**
 * ReadResponse body (Part 4 §5.10.2, encoding i=634): ResponseHeader, Results DataValue[] (one per
 * node read, same order), DiagnosticInfos DiagnosticInfo[].
 *
 * @param header the response header
 * @param resultCount how many results the response holds
 * @param results the first results, up to the count the caller asked to decode
 */
public record ReadResponse(ResponseHeader header, int resultCount, List<DataValue> results) {

  /**
   * Reads the header and the first {@code decodeUpTo} results; the rest is not decoded (when all
   * results are decoded the DiagnosticInfos are checked too).
   */
  public static Parsed<ReadResponse> read(UaBinaryReader r, int decodeUpTo) {
    ResponseHeader header = ResponseHeader.read(r);
    int count = r.readArrayLength(1);
    int decode = Math.min(count, decodeUpTo);
    List<DataValue> results = new ArrayList<>(decode);
    for (int i = 0; i < decode && !r.failed(); i++) {
      results.add(DataValue.read(r, 0));
    }
    if (decode == count) {
      DiagnosticInfo.skipArray(r);
    }
    return r.result(new ReadResponse(header, count, results));
  }
}
