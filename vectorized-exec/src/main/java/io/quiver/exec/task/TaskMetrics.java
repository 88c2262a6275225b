package io.quiver.exec.task;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a task keeps while it runs; read by the driver's events when the task ends. */
public final class TaskMetrics {

  private final AtomicLong inputRows = new AtomicLong();
  private final AtomicLong inputBytes = new AtomicLong();
  private final AtomicLong outputRows = new AtomicLong();
  private final AtomicLong outputBytes = new AtomicLong();
  private final AtomicLong spilledBytes = new AtomicLong();
  private final AtomicLong spillCount = new AtomicLong();
  private final AtomicLong peakMemoryBytes = new AtomicLong();

  /** Rows and bytes read by the task's sources (scans and exchange sources). */
  public void addInput(long rows, long bytes) {
    inputRows.addAndGet(rows);
    inputBytes.addAndGet(bytes);
  }

  /** Rows and bytes the task wrote to its exchange or result. */
  public void addOutput(long rows, long bytes) {
    outputRows.addAndGet(rows);
    outputBytes.addAndGet(bytes);
  }

  public long inputRows() {
    return inputRows.get();
  }

  public long inputBytes() {
    return inputBytes.get();
  }

  public long outputRows() {
    return outputRows.get();
  }

  public long outputBytes() {
    return outputBytes.get();
  }

  /** One spill of operator state (a sort run, an aggregate's partitions) of {@code bytes} on disk. */
  public void addSpill(long bytes) {
    spilledBytes.addAndGet(bytes);
    spillCount.incrementAndGet();
  }

  /** The most memory the task's allocator held at once (Arrow buffers and charged state). */
  public void recordPeakMemory(long bytes) {
    peakMemoryBytes.accumulateAndGet(bytes, Math::max);
  }

  /** Bytes the task's operators wrote to spill files (not counting shuffle output). */
  public long spilledBytes() {
    return spilledBytes.get();
  }

  /** How many times the task's operators spilled. */
  public long spillCount() {
    return spillCount.get();
  }

  public long peakMemoryBytes() {
    return peakMemoryBytes.get();
  }
}
