package io.fieldprint.collector.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.storage.WriterQueue.Lane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQLite writers' queue: who writes next when several wait. Each test holds the database with
 * one writer, lines the others up in a known order (waiting until each is queued), then lets go.
 */
class WriterQueueTest {
  private static final Duration MAX_WAIT = Duration.ofMillis(250);

  private final AtomicLong nanos = new AtomicLong();
  private final WriterQueue queue = new WriterQueue(true, nanos::get, MAX_WAIT);
  private final List<String> order = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopThreads() throws InterruptedException {
    release.countDown();
    for (Thread t : threads) {
      t.join(5_000);
    }
  }

  @Test
  void aWaitingReportWritesBeforeCorrelationWritesQueuedEarlier() throws Exception {
    holdTheDatabase();
    queue("correlation 1", Lane.BACKGROUND);
    queue("correlation 2", Lane.BACKGROUND);
    queue("report 1", Lane.REQUEST);
    queue("report 2", Lane.REQUEST);

    finish();

    assertEquals(List.of("report 1", "report 2", "correlation 1", "correlation 2"), order);
  }

  @Test
  void backgroundWorkThatWaitedTooLongGoesBeforeLaterReports() throws Exception {
    holdTheDatabase();
    queue("correlation 1", Lane.BACKGROUND);
    queue("correlation 2", Lane.BACKGROUND);
    queue("report 1", Lane.REQUEST);
    queue("report 2", Lane.REQUEST);
    nanos.addAndGet(MAX_WAIT.toNanos());

    finish();

    // every background writer that has waited its limit goes first, oldest first
    assertEquals(List.of("correlation 1", "correlation 2", "report 1", "report 2"), order);
  }

  @Test
  void anAgedBackgroundWriterOvertakesOnlyOnceThenReportsGoFirstAgain() throws Exception {
    holdTheDatabase();
    queue("correlation 1", Lane.BACKGROUND);
    nanos.addAndGet(MAX_WAIT.toNanos());
    queue("correlation 2", Lane.BACKGROUND);
    queue("report 1", Lane.REQUEST);
    queue("report 2", Lane.REQUEST);

    finish();

    assertEquals(List.of("correlation 1", "report 1", "report 2", "correlation 2"), order);
  }

  @Test
  void writersOfOneLaneGoInArrivalOrder() throws Exception {
    holdTheDatabase();
    for (int i = 1; i <= 5; i++) {
      queue("report " + i, Lane.REQUEST);
    }

    finish();

    assertEquals(List.of("report 1", "report 2", "report 3", "report 4", "report 5"), order);
  }

  @Test
  void anInterruptedWriterKeepsItsTurnAndTheQueueMovesOn() throws Exception {
    holdTheDatabase();
    Thread interrupted = queue("report 1", Lane.REQUEST);
    queue("report 2", Lane.REQUEST);
    interrupted.interrupt();

    finish();

    assertEquals(List.of("report 1", "report 2"), order);
  }

  @Test
  void onlyOneWriterIsInsideAtATime() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Lane lane = i % 2 == 0 ? Lane.REQUEST : Lane.BACKGROUND;
      Thread t =
          new Thread(
              () -> {
                awaitQuietly(start);
                for (int n = 0; n < 200; n++) {
                  queue.write(
                      lane,
                      () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        return inside.decrementAndGet();
                      });
                }
              });
      t.start();
      writers.add(t);
    }
    start.countDown();
    for (Thread t : writers) {
      t.join(10_000);
      assertTrue(!t.isAlive(), "a writer never got its turn");
    }
    assertEquals(1, most.get());
    assertEquals(0, queue.waiting(Lane.REQUEST) + queue.waiting(Lane.BACKGROUND));
  }

  @Test
  // on a thread of its own: without the check a nested write waits for its own turn for ever, and
  // waiting turns ignore interrupts
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWriterWritingAgainInsideItsTurnGoesStraightOn() {
    String inner =
        queue.write(Lane.BACKGROUND, () -> queue.write(Lane.REQUEST, () -> "nested write ran"));
    assertEquals("nested write ran", inner);
    assertEquals(0, queue.waiting(Lane.REQUEST) + queue.waiting(Lane.BACKGROUND));
  }

  @Test
  void onPostgresqlWritersDoNotQueue() throws Exception {
    WriterQueue open = WriterQueue.forDialect(Dialect.POSTGRESQL);
    CountDownLatch both = new CountDownLatch(2);
    Thread other = new Thread(() -> open.write(Lane.BACKGROUND, () -> awaitBoth(both)));
    other.start();
    threads.add(other);
    // returns only if the other writer is inside at the same time
    assertTrue(open.write(Lane.REQUEST, () -> awaitBoth(both)));
  }

  private static boolean awaitBoth(CountDownLatch both) {
    both.countDown();
    try {
      return both.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a writer that holds the database until {@link #finish}. */
  private void holdTheDatabase() throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                queue.write(
                    Lane.REQUEST,
                    () -> {
                      inside.countDown();
                      awaitQuietly(release);
                      return null;
                    }));
    holder.start();
    threads.add(holder);
    assertTrue(inside.await(5, TimeUnit.SECONDS));
  }

  /** Starts a writer named {@code name} in {@code lane} and returns once it waits in the queue. */
  private Thread queue(String name, Lane lane) throws InterruptedException {
    int before = queue.waiting(lane);
    Thread t = new Thread(() -> queue.write(lane, () -> order.add(name)), name);
    t.start();
    threads.add(t);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (queue.waiting(lane) == before) {
      assertTrue(System.nanoTime() < deadline, name + " never queued");
      Thread.sleep(1);
    }
    return t;
  }

  private void finish() throws InterruptedException {
    release.countDown();
    for (Thread t : threads) {
      t.join(5_000);
      assertTrue(!t.isAlive(), t.getName() + " never wrote");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
