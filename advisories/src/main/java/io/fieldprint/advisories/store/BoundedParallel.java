package io.fieldprint.advisories.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to inputs on a fixed number of threads, a window at a time, and hands each
 * window's results to a consumer in input order. At most one window of results is held at once, so
 * memory is bounded by the window size, not by the number of inputs.
 *
 * @param threads worker threads, at least 1
 * @param window inputs per window, at least 1
 */
record BoundedParallel(int threads, int window) {
  BoundedParallel {
    if (threads < 1 || window < 1) {
      throw new IllegalArgumentException("threads and window must be at least 1");
    }
  }

  /** The default for this machine: one thread per core up to 8, windows of 64. */
  static BoundedParallel forThisMachine() {
    return new BoundedParallel(Math.min(8, Runtime.getRuntime().availableProcessors()), 64);
  }

  <I, O> void map(List<I> inputs, Function<I, O> f, Consumer<List<O>> sink) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, BoundedParallel::daemon);
    try {
      for (int start = 0; start < inputs.size(); start += window) {
        List<Future<O>> futures = new ArrayList<>();
        for (I input : inputs.subList(start, Math.min(inputs.size(), start + window))) {
          futures.add(pool.submit(() -> f.apply(input)));
        }
        List<O> results = new ArrayList<>();
        for (Future<O> future : futures) {
          results.add(await(future));
        }
        sink.accept(results);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <O> O await(Future<O> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fieldprint-parse");
    t.setDaemon(true);
    return t;
  }
}
