package io.fieldprint.protocols.snmp;

import java.util.List;

/**
 * A community-based SNMP message (RFC 1157 v1, RFC 3416/1901 v2c): version, community, PDU.
 *
 * @param version 0 = v1, 1 = v2c
 * @param community community string bytes as ISO-8859-1 text (never logged whole; see {@link
 *     Communities})
 * @param pduType PDU tag: 0xA0 Get, 0xA1 GetNext, 0xA2 Response, 0xA3 Set, 0xA4 Trap-v1, 0xA5
 *     GetBulk, 0xA6 Inform, 0xA7 SNMPv2-Trap, 0xA8 Report
 * @param requestId request-id (0 for v1 traps)
 * @param errorStatus error-status (non-repeaters for GetBulk; 0 for v1 traps)
 * @param errorIndex error-index (max-repetitions for GetBulk; 0 for v1 traps)
 * @param trap the v1 trap header fields, or {@code null}
 * @param varBinds variable bindings in order
 */
public record SnmpMessage(
    int version,
    String community,
    int pduType,
    long requestId,
    long errorStatus,
    long errorIndex,
    TrapV1 trap,
    List<VarBind> varBinds) {

  public static final int GET = 0xA0;
  public static final int GET_NEXT = 0xA1;
  public static final int RESPONSE = 0xA2;
  public static final int SET = 0xA3;
  public static final int TRAP_V1 = 0xA4;
  public static final int GET_BULK = 0xA5;
  public static final int INFORM = 0xA6;
  public static final int TRAP_V2 = 0xA7;
  public static final int REPORT = 0xA8;

  /**
   * The SNMPv1 Trap-PDU header (RFC 1157 4.1.6).
   *
   * @param enterprise sysObjectID of the sender
   * @param agentAddress agent-addr (NetworkAddress, IPv4)
   * @param genericTrap generic-trap code (0 coldStart … 6 enterpriseSpecific)
   * @param specificTrap specific-trap code
   * @param timestamp time-stamp (TimeTicks)
   */
  public record TrapV1(
      String enterprise,
      String agentAddress,
      long genericTrap,
      long specificTrap,
      long timestamp) {}

  /** PDU name in the RFCs' words. */
  public String pduName() {
    return pduName(pduType);
  }

  static String pduName(int tag) {
    return switch (tag) {
      case GET -> "get-request";
      case GET_NEXT -> "get-next-request";
      case RESPONSE -> "response";
      case SET -> "set-request";
      case TRAP_V1 -> "trap";
      case GET_BULK -> "get-bulk-request";
      case INFORM -> "inform-request";
      case TRAP_V2 -> "snmpv2-trap";
      case REPORT -> "report";
      default -> "pdu-0x" + Integer.toHexString(tag);
    };
  }

  /** The value bound to {@code oid}, or {@code null}. */
  public VarBind find(String oid) {
    for (VarBind v : varBinds) {
      if (v.oid().equals(oid)) {
        return v;
      }
    }
    return null;
  }
}
