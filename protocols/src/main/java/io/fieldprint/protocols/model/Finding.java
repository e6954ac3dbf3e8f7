package io.fieldprint.protocols.model;

/**
 * A posture finding about one device.
 *
 * @param subject the device the finding is about
 * @param rule stable rule id such as {@code opcua.security-mode-none}
 * @param severity how bad it is
 * @param title one line for people
 * @param detail what exactly was seen, with values
 * @param evidence what it is based on
 */
public record Finding(
    DeviceRef subject,
    String rule,
    Severity severity,
    String title,
    String detail,
    Evidence evidence) {}
