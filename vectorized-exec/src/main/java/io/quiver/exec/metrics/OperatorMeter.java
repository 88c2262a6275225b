package io.quiver.exec.metrics;

import org.apache.arrow.memory.BufferAllocator;

/**
 * The counters of one operator of a running task, kept by its {@link io.quiver.exec.operator.MeteredOperator}
 * on the task's thread; {@link #stats} reads them once the task stopped.
 */
public final class OperatorMeter {

  private final int nodeId;
  private final String operator;
  private final BufferAllocator allocator;
  long inputRows;
  long inputBatches;
  long outputRows;
  long outputBatches;
  long wallNanos;
  long cpuNanos;

  /**
   * @param nodeId the fragment node the operator runs (see {@link OperatorStats#nodeId()})
   * @param allocator the operator's own allocator, whose peak is the operator's peak memory; null for none
   */
  public OperatorMeter(int nodeId, String operator, BufferAllocator allocator) {
    this.nodeId = nodeId;
    this.operator = operator;
    this.allocator = allocator;
  }

  public void input(int rows) {
    inputRows += rows;
    inputBatches++;
  }

  public void output(int rows) {
    outputRows += rows;
    outputBatches++;
  }

  public OperatorStats stats() {
    return new OperatorStats(nodeId, operator, inputRows, inputBatches, outputRows, outputBatches, wallNanos,
        cpuNanos, allocator == null ? 0 : allocator.getPeakMemoryAllocation());
  }
}
