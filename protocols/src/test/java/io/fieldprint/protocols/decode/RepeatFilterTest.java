package io.fieldprint.protocols.decode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatFilterTest {
  private static final Instant T = Instant.parse("2026-01-15T09:00:00Z");
  private final RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(60), 2);

  private static ByteBuffer bytes(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.flip();
  }

  @Test
  void theSameBytesFromTheSameSenderWithinTheWindowAreARepeat() {
    assertFalse(filter.isRepeat("a", bytes(1, 2, 3), T));
    assertTrue(filter.isRepeat("a", bytes(1, 2, 3), T.plusSeconds(30)));
  }

  @Test
  void changedBytesOrAnotherSenderAreNotARepeat() {
    filter.isRepeat("a", bytes(1, 2, 3), T);
    assertFalse(filter.isRepeat("a", bytes(1, 2, 4), T.plusSeconds(1)));
    assertFalse(filter.isRepeat("b", bytes(1, 2, 4), T.plusSeconds(1)));
  }

  @Test
  void afterTheWindowTheNextCopyIsDecodedAgainSoLastSeenStaysFresh() {
    filter.isRepeat("a", bytes(1, 2, 3), T);
    assertTrue(filter.isRepeat("a", bytes(1, 2, 3), T.plusSeconds(59)));
    assertFalse(filter.isRepeat("a", bytes(1, 2, 3), T.plusSeconds(61)));
    assertTrue(filter.isRepeat("a", bytes(1, 2, 3), T.plusSeconds(62)));
  }

  @Test
  void aCaptureGoingBackInTimeIsNotARepeat() {
    filter.isRepeat("a", bytes(1), T);
    assertFalse(filter.isRepeat("a", bytes(1), T.minusSeconds(5)));
  }

  @Test
  void theFirstRememberedSenderIsForgottenBeyondTheBound() {
    filter.isRepeat("a", bytes(1), T);
    filter.isRepeat("b", bytes(1), T);
    filter.isRepeat("c", bytes(1), T);
    assertFalse(filter.isRepeat("a", bytes(1), T.plusSeconds(1)), "a was forgotten");
  }

  @Test
  void theContentIsNotConsumed() {
    ByteBuffer b = bytes(1, 2, 3);
    filter.isRepeat("a", b, T);
    assertTrue(b.remaining() == 3);
  }
}
