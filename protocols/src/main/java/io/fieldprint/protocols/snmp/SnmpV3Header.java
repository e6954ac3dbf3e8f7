package io.fieldprint.protocols.snmp;

/**
 * The readable part of an SNMPv3 message (RFC 3412 6, RFC 3414 2.4): header data and the USM
 * security parameters; the scoped PDU may be encrypted and is not decoded.
 *
 * @param msgId msgID
 * @param maxSize msgMaxSize
 * @param flags msgFlags (bit 0 auth, bit 1 priv, bit 2 reportable)
 * @param securityModel msgSecurityModel (3 = USM)
 * @param engineId msgAuthoritativeEngineID as hex, or {@code null}
 * @param engineIdInfo the engine id decoded per RFC 3411 SnmpEngineID, or {@code null}
 * @param engineBoots msgAuthoritativeEngineBoots, or -1
 * @param engineTime msgAuthoritativeEngineTime, or -1
 * @param userName msgUserName (cleaned), or {@code null}
 */
public record SnmpV3Header(
    long msgId,
    long maxSize,
    int flags,
    long securityModel,
    String engineId,
    EngineId engineIdInfo,
    long engineBoots,
    long engineTime,
    String userName) {}
