package io.fieldprint.agent.service.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void waitsDoubleUpToTheCapAndASuccessStartsOver() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(1), b.failed());
    assertEquals(Duration.ofSeconds(2), b.failed());
    assertEquals(Duration.ofSeconds(4), b.failed());
    assertEquals(Duration.ofSeconds(5), b.failed());
    for (int i = 0; i < 40; i++) {
      assertEquals(Duration.ofSeconds(5), b.failed());
    }
    b.succeeded();
    assertEquals(Duration.ofSeconds(1), b.failed());
  }

  @Test
  void twoHundredAndTwoHundredOneAreDeliveredBadBodiesAreDroppedTheRestRetried() {
    assertEquals(DeliveryOutcome.DELIVERED, DeliveryOutcome.of(200));
    assertEquals(DeliveryOutcome.DELIVERED, DeliveryOutcome.of(201));
    assertEquals(DeliveryOutcome.REFUSED, DeliveryOutcome.of(400));
    assertEquals(DeliveryOutcome.REFUSED, DeliveryOutcome.of(413));
    assertEquals(DeliveryOutcome.RETRY, DeliveryOutcome.of(401));
    assertEquals(DeliveryOutcome.RETRY, DeliveryOutcome.of(503));
  }
}
