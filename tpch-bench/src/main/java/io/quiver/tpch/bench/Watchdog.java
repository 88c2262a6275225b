package io.quiver.tpch.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels one benchmark run that passes its time limit: {@code onTimeout} runs once, on a daemon
 * thread, unless the run closes the watchdog first.
 */
final class Watchdog implements AutoCloseable {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "bench-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledFuture<?> timer;

  /** @param seconds the time limit; 0 for none */
  Watchdog(int seconds, Runnable onTimeout) {
    timer = seconds <= 0 ? null : TIMER.schedule(() -> {
      fired.set(true);
      onTimeout.run();
    }, seconds, TimeUnit.SECONDS);
  }

  /** True when the time limit passed and {@code onTimeout} ran. */
  boolean fired() {
    return fired.get();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
