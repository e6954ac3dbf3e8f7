package io.fieldprint.protocols.inventory;

import java.time.Instant;

/**
 * One input the inventory was built from.
 *
 * @param kind {@code pcap}, {@code live}, {@code scan}, ...
 * @param name the file or interface as the user named it
 * @param status {@code ok}, {@code partial} (damaged, read as far as possible) or {@code failed}
 * @param error one-line reason when the status is not ok, else {@code null}
 * @param frames frames read
 * @param bytes captured bytes read
 * @param firstFrameAt capture time of the first frame, or {@code null}
 * @param lastFrameAt capture time of the last frame, or {@code null}
 * @param warnings how many decode warnings this input produced
 */
public record InventorySource(
    String kind,
    String name,
    String status,
    String error,
    long frames,
    long bytes,
    Instant firstFrameAt,
    Instant lastFrameAt,
    long warnings) {}
