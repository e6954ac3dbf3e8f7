package io.fieldprint.protocols.snmp;

/**
 * One variable binding: OBJECT IDENTIFIER + value.
 *
 * @param oid dotted OID
 * @param type value type in SMI words: integer, octetString, null, objectIdentifier, ipAddress,
 *     counter32, gauge32, timeTicks, opaque, counter64, noSuchObject, noSuchInstance, endOfMibView
 *     or tag-0xNN for unknown tags
 * @param value JSON-friendly value: Long or BigInteger for numbers, String for text, OIDs,
 *     addresses and hex, {@code null} for NULL and the exception values
 */
public record VarBind(String oid, String type, Object value) {

  /** The value as text, or {@code null}. */
  public String text() {
    return value == null ? null : value.toString();
  }
}
