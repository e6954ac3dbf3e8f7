package io.fieldprint.collector;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

  @Test
  void aRoundLongerThanAWorkerMayBlockIsNotReportedAsABlockedThread() throws Exception {
    // the checker scaled down: a plain worker task is "blocked" after 100 ms
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setBlockedThreadCheckInterval(20)
                .setBlockedThreadCheckIntervalUnit(MILLISECONDS)
                .setMaxWorkerExecuteTime(100)
                .setMaxWorkerExecuteTimeUnit(MILLISECONDS));
    List<String> blocked = new CopyOnWriteArrayList<>();
    ((VertxInternal) vertx)
        .blockedThreadChecker()
        .setThreadBlockedHandler(e -> blocked.add(e.thread().getName()));
    try {
      CountDownLatch done = new CountDownLatch(2);
      Runnable longWork =
          () -> {
            sleep(600);
            done.countDown();
          };
      PeriodicJob job = new PeriodicJob(vertx, "long-round", 60_000, longWork, () -> {});
      vertx.executeBlocking(
          () -> {
            longWork.run();
            return null;
          });
      assertTrue(done.await(10, SECONDS));
      job.close();
      assertTrue(
          blocked.stream().anyMatch(name -> name.startsWith("vert.x-worker-thread")),
          "the checker is active in this test: it reports a plain worker task; saw " + blocked);
      assertTrue(
          blocked.stream().noneMatch(name -> name.startsWith("fieldprint-long-round")),
          "a job round working for minutes must not log a blocked-thread stack trace every"
              + " second; saw "
              + blocked);
    } finally {
      vertx.close().await();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
