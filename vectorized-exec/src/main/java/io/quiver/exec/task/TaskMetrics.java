package io.quiver.exec.task;

import io.quiver.exec.metrics.OperatorClock;
import io.quiver.exec.metrics.OperatorMeter;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.exec.metrics.TaskStats;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters a task keeps while it runs, and its operators' meters; {@link #snapshot} turns them into
 * the {@link TaskStats} its end reports. Counters are updated a batch at a time (never per row).
 */
public final class TaskMetrics {

  private final AtomicLong inputRows = new AtomicLong();
  private final AtomicLong inputBytes = new AtomicLong();
  private final AtomicLong outputRows = new AtomicLong();
  private final AtomicLong outputBytes = new AtomicLong();
  private final AtomicLong tableRows = new AtomicLong();
  private final AtomicLong tableBytes = new AtomicLong();
  private final AtomicLong shuffleReadRows = new AtomicLong();
  private final AtomicLong shuffleReadBytes = new AtomicLong();
  private final AtomicLong remoteShuffleReadRows = new AtomicLong();
  private final AtomicLong remoteShuffleReadBytes = new AtomicLong();
  private final AtomicLong shuffleWriteRows = new AtomicLong();
  private final AtomicLong shuffleWriteBytes = new AtomicLong();
  private final AtomicLong resultRows = new AtomicLong();
  private final AtomicLong resultBytes = new AtomicLong();
  private final AtomicLong spillBytes = new AtomicLong();
  private final AtomicLong spillFiles = new AtomicLong();
  private final AtomicLong peakMemoryBytes = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final AtomicLong gcNanos = new AtomicLong();
  private final List<OperatorMeter> operators = new CopyOnWriteArrayList<>();
  private final OperatorClock clock = new OperatorClock();
  private long startCpu;
  private long startGc;

  /** Rows and bytes read by the task's sources, of no particular kind (tests' hand-written tasks). */
  public void addInput(long rows, long bytes) {
    inputRows.addAndGet(rows);
    inputBytes.addAndGet(bytes);
  }

  /** Rows and bytes the task wrote, of no particular kind (tests' hand-written tasks). */
  public void addOutput(long rows, long bytes) {
    outputRows.addAndGet(rows);
    outputBytes.addAndGet(bytes);
  }

  /** Rows and bytes read from a table or file. */
  public void addTableInput(long rows, long bytes) {
    addInput(rows, bytes);
    tableRows.addAndGet(rows);
    tableBytes.addAndGet(bytes);
  }

  /** Rows and bytes read from an exchange, wherever they came from. */
  public void addShuffleRead(long rows, long bytes) {
    addInput(rows, bytes);
    shuffleReadRows.addAndGet(rows);
    shuffleReadBytes.addAndGet(bytes);
  }

  /** The part of the shuffle reads that came from another executor over Arrow Flight. */
  public void addRemoteShuffleRead(long rows, long bytes) {
    remoteShuffleReadRows.addAndGet(rows);
    remoteShuffleReadBytes.addAndGet(bytes);
  }

  /** Rows and bytes written to the stage's exchange. */
  public void addShuffleWrite(long rows, long bytes) {
    addOutput(rows, bytes);
    shuffleWriteRows.addAndGet(rows);
    shuffleWriteBytes.addAndGet(bytes);
  }

  /** Rows and bytes sent to the query's result. */
  public void addResult(long rows, long bytes) {
    addOutput(rows, bytes);
    resultRows.addAndGet(rows);
    resultBytes.addAndGet(bytes);
  }

  /** A spill file of {@code bytes} bytes was written. */
  public void addSpill(long bytes, long files) {
    spillBytes.addAndGet(bytes);
    spillFiles.addAndGet(files);
  }

  /** Measures one more operator; its stats are part of the snapshot. */
  public void addOperator(OperatorMeter meter) {
    operators.add(meter);
  }

  /** The clock the task's operators are charged by. */
  public OperatorClock clock() {
    return clock;
  }

  /** The task starts running on the calling thread: its CPU and GC time are measured from now. */
  public void taskStarted() {
    startCpu = OperatorClock.threadCpuNanos();
    startGc = gcNanos();
    clock.start();
  }

  /**
   * The task stopped running (on the thread that started it).
   *
   * @param peakMemory the most bytes the task's allocator held at once
   */
  public void taskStopped(long peakMemory) {
    cpuNanos.addAndGet(Math.max(0, OperatorClock.threadCpuNanos() - startCpu));
    gcNanos.addAndGet(Math.max(0, gcNanos() - startGc));
    peakMemoryBytes.accumulateAndGet(peakMemory, Math::max);
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

  /** What the task did so far; operators measured more than once (several tasks) are summed. */
  public TaskStats snapshot() {
    List<OperatorStats> stats = new ArrayList<>(operators.size());
    for (OperatorMeter meter : operators) {
      stats.add(meter.stats());
    }
    TaskStats counters = new TaskStats(inputRows.get(), inputBytes.get(), outputRows.get(), outputBytes.get(),
        tableRows.get(), tableBytes.get(), shuffleReadRows.get(), shuffleReadBytes.get(),
        remoteShuffleReadRows.get(), remoteShuffleReadBytes.get(), shuffleWriteRows.get(), shuffleWriteBytes.get(),
        resultRows.get(), resultBytes.get(), 0, spillBytes.get(), spillFiles.get(), peakMemoryBytes.get(),
        cpuNanos.get(), gcNanos.get(), List.of());
    // summing with an empty task merges operators that share a node id (build and probe of one join)
    return counters.plus(new TaskStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, stats));
  }

  private static long gcNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      long time = collector.getCollectionTime();
      if (time > 0) {
        millis += time;
      }
    }
    return millis * 1_000_000L;
  }

  /** One spill of operator state (a sort run, an aggregate's partitions) of {@code bytes} on disk. */
  public void addSpill(long bytes) {
    addSpill(bytes, 1);
  }

  /** The most memory the task's allocator held at once (Arrow buffers and charged state). */
  public void recordPeakMemory(long bytes) {
    peakMemoryBytes.accumulateAndGet(bytes, Math::max);
  }

  /** Bytes the task wrote to spill files (operator state and shuffle output beyond its budget). */
  public long spilledBytes() {
    return spillBytes.get();
  }

  /** How many spill files the task wrote. */
  public long spillCount() {
    return spillFiles.get();
  }

  public long peakMemoryBytes() {
    return peakMemoryBytes.get();
  }
}
