package io.quiver.exec.task;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a task keeps while it runs; read by the driver's events when the task ends. */
public final class TaskMetrics {

  private final AtomicLong inputRows = new AtomicLong();
  private final AtomicLong inputBytes = new AtomicLong();
  private final AtomicLong outputRows = new AtomicLong();
  private final AtomicLong outputBytes = new AtomicLong();

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
}
