package io.quiver.tpch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the JVM's used heap every few milliseconds on a daemon thread and keeps the largest value:
 * the peak the benchmark's table reports. (The heap pools' own peaks are per pool and so add up to
 * more than was ever in use at once.)
 */
final class HeapPeakSampler implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  HeapPeakSampler() {
    sample();
    thread = new Thread(this::loop, "heap-peak-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** The largest used heap seen so far, in bytes. */
  long peakBytes() {
    sample();
    return peak.get();
  }

  private void loop() {
    while (!stopped) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peak.accumulateAndGet(used, Math::max);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}
