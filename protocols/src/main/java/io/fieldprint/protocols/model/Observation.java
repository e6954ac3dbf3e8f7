package io.fieldprint.protocols.model;

/**
 * A decoder's statement about one device: who it is about, what identity it claims, and the
 * evidence for it.
 *
 * @param protocol protocol family the device was seen speaking, as server or client ({@code
 *     modbus}, {@code opcua}, {@code enip}, {@code s7comm}, {@code profinet}, {@code lldp}, {@code
 *     snmp}, ...), or {@code null} when the observation is not about a protocol the device speaks
 * @param subject the device the observation is about (for responses: the responder)
 * @param identity identity claims; {@link Identity#NONE} when the observation only shows presence
 * @param authority how far to trust the identity claims
 * @param evidence what was seen
 */
public record Observation(
    String protocol,
    DeviceRef subject,
    Identity identity,
    Authority authority,
    Evidence evidence) {}
