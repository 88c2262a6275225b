package io.quiver.benchmarks;

import io.quiver.exec.batch.KeyHashing;
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
 * Hashing 1 to 4 key columns of a batch (what exchanges, joins and aggregates do first):
 * orderkey, partkey, suppkey (BIGINT) and returnflag (VARCHAR), in that order. Rows per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class HashingBenchmark {

  private static final int[] KEY_COLUMNS = {LineitemBatches.ORDERKEY, LineitemBatches.PARTKEY,
      LineitemBatches.SUPPKEY, LineitemBatches.RETURNFLAG};

  @Param({"1", "2", "3", "4"})
  public int keys;

  private final long[] hashes = new long[KernelState.BATCH_ROWS];
  private final long[] scratch = new long[KernelState.BATCH_ROWS];

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public void hash(KernelState state, CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    for (VectorSchemaRoot batch : state.batches) {
      int rows = batch.getRowCount();
      for (int k = 0; k < keys; k++) {
        KeyHashing.hashColumn(batch.getVector(KEY_COLUMNS[k]), rows, hashes, k == 0, scratch);
      }
      sink.consume(hashes);
    }
    cpu.add(start, KernelState.ROWS);
  }
}
