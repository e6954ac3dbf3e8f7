package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Recognises announcements a sender repeats unchanged (LLDP every 30 s, PROFINET DCP answers to
 * every identify request), so decoders can skip decoding what they decoded moments ago. A repeat is
 * the same bytes (CRC-32C and length) from the same sender within the window of capture time; after
 * the window the next copy is decoded again, so the asset's last-seen time stays within one window
 * of the truth. Bounded: the least recently seen senders are forgotten first.
 */
public final class RepeatFilter {
  private final long windowNanos;
  private final Map<Object, Seen> last;
  private final CRC32C crc = new CRC32C();

  /**
   * @param window how long an unchanged repeat is skipped
   * @param maxSenders how many senders are remembered
   */
  public RepeatFilter(Duration window, int maxSenders) {
    this.windowNanos = window.toNanos();
    this.last =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Seen> eldest) {
            return size() > maxSenders;
          }
        };
  }

  /**
   * Whether {@code content} (position to limit, not consumed) from {@code sender} repeats what the
   * sender sent within the window before {@code at}. When it does not, it is remembered. The sender
   * is any value with equals and hashCode (an address, a record of the fields that name a call).
   */
  public boolean isRepeat(Object sender, ByteBuffer content, Instant at) {
    crc.reset();
    crc.update(content.duplicate());
    int checksum = (int) crc.getValue();
    int length = content.remaining();
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    Seen seen = last.get(sender);
    if (seen != null
        && seen.checksum == checksum
        && seen.length == length
        && nanos >= seen.decodedAt
        && nanos - seen.decodedAt < windowNanos) {
      return true;
    }
    last.put(sender, new Seen(checksum, length, nanos));
    return false;
  }

  private record Seen(int checksum, int length, long decodedAt) {}
}
