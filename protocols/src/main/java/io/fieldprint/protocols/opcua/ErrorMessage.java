package io.fieldprint.protocols.opcua;

/**
 * Error message body (Part 6 §7.1.2.5) and the body of an abort chunk (§6.7.3): Error StatusCode
 * (UInt32) then Reason String.
 *
 * @param error the StatusCode
 * @param reason the reason text, or {@code null}
 */
public record ErrorMessage(long error, String reason) {

  public static Parsed<ErrorMessage> read(UaBinaryReader r) {
    long error = r.readUInt32();
    return r.result(new ErrorMessage(error, r.readString()));
  }
}
