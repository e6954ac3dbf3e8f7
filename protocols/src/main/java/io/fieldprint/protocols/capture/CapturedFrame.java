package io.fieldprint.protocols.capture;

import java.nio.ByteBuffer;

/**
 * One captured frame as a capture file (or live handle) delivered it.
 *
 * @param number 1-based frame number within the capture file, as Wireshark counts it
 * @param timestampNanos capture time, nanoseconds since the Unix epoch (0 when the format has none)
 * @param linkType LINKTYPE_* value of the interface the frame came from (1 Ethernet, 0 NULL, ...)
 * @param data the captured bytes, position 0 to limit; only valid until the reader's next call
 * @param originalLength length on the wire, which may exceed the captured length
 */
public record CapturedFrame(
    long number, long timestampNanos, int linkType, ByteBuffer data, int originalLength) {}
