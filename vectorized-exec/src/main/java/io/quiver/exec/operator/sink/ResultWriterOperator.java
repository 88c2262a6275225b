package io.quiver.exec.operator.sink;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskMetrics;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Sink of the result stage: hands every non-empty batch to the driver's {@link ResultSink}. */
public final class ResultWriterOperator extends SinkOperator {

  private final ResultSink sink;
  private final TaskMetrics metrics;

  public ResultWriterOperator(ResultSink sink, TaskMetrics metrics) {
    this.sink = sink;
    this.metrics = metrics;
  }

  @Override
  protected void consume(VectorSchemaRoot batch) {
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    long rows = batch.getRowCount();
    long bytes = Batches.sizeInBytes(batch);
    sink.accept(batch);
    if (metrics != null) {
      metrics.addResult(rows, bytes);
    }
  }

  @Override
  protected void complete() {
  }

  @Override
  protected void release() {
  }

  @Override
  public MapOutputStatistics statistics() {
    return new MapOutputStatistics(new long[0], new long[0]);
  }
}
