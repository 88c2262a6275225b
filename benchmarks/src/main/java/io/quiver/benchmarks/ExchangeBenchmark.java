package io.quiver.benchmarks;

import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.operator.sink.ExchangeWriterOperator;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.local.InProcessShuffleService;
import io.quiver.exec.task.TaskMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A hash exchange inside one JVM: the writer partitions the lineitem batches on orderkey into
 * {@code partitions} reduce partitions of the in-process shuffle service, then every partition is
 * read back. Rows per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class ExchangeBenchmark {

  @Param({"1", "4"})
  public int partitions;

  private int job;

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public long writeAndRead(KernelState state, CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    long rows = 0;
    try (InProcessShuffleService shuffle = new InProcessShuffleService(state.allocator)) {
      ShuffleId id = new ShuffleId("job" + job++, 1);
      OutputPartitioning partitioning = new OutputPartitioning.Hash(List.of(LineitemBatches.ORDERKEY), partitions);
      try (ExchangeWriterOperator writer = new ExchangeWriterOperator(
          shuffle.openWriter(id, 0, partitions, LineitemBatches.SCHEMA.toArrowSchema()), partitioning,
          LineitemBatches.SCHEMA.toArrowSchema(), 0, state.allocator, KernelState.BATCH_ROWS, new TaskMetrics())) {
        for (VectorSchemaRoot batch : state.batches) {
          writer.addInput(LineitemBatches.share(batch, state.allocator));
        }
        writer.finish();
        sink.consume(writer.statistics());
      }
      for (int partition = 0; partition < partitions; partition++) {
        try (ShuffleReader reader = shuffle.read(id, partition, 1, state.allocator)) {
          VectorSchemaRoot batch;
          while ((batch = reader.next()) != null) {
            rows += batch.getRowCount();
            sink.consume(batch);
            batch.close();
          }
        }
      }
    }
    cpu.add(start, KernelState.ROWS);
    return rows;
  }
}
