package io.fieldprint.protocols.decode;

/**
 * Input that could not be decoded, kept so a user can find it again.
 *
 * @param origin {@code file.pcap#frame=123} or another locator
 * @param protocol the decoder that complained ({@code pcapng}, {@code tcp}, {@code modbus}, ...)
 * @param message what was wrong, in one line
 */
public record DecodeWarning(String origin, String protocol, String message) {}
