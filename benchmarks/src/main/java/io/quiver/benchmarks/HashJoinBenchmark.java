package io.quiver.benchmarks;

import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.join.HashJoinOperator;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An inner hash join of the lineitem batches (probe side, 512K rows) on orderkey, or on
 * (orderkey, partkey), against a build side of {@code orders} order keys (every 10th missing, so
 * about 90% of the probe rows match), each {@code copies} times in a row (a build side like
 * lineitem's, ordered by its key). {@code joinType=SEMI} keeps the probe rows that have a match
 * (TPC-H Q4's EXISTS). Large {@code orders} make a table that does not fit the cache (the probe's
 * keys still stay below 131073). Build and probe together; rows (probe) per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class HashJoinBenchmark {

  private static final RowSchema BUILD = new RowSchema(List.of(new Column("o_orderkey", DataType.BIGINT, false),
      new Column("o_partkey", DataType.BIGINT, false), new Column("o_value", DataType.BIGINT, false)));

  @Param({"1", "2"})
  public int keys;

  @Param({"131072"})
  public int orders;

  @Param({"1"})
  public int copies;

  @Param({"INNER"})
  public JoinType joinType;

  private KernelState build;
  private HashJoinNode node;
  private List<VectorSchemaRoot> buildBatches;

  @Setup(Level.Trial)
  public void plan(KernelState state) {
    build = state;
    // every 10th order is missing on the build side; with 2 keys the partkey matches the probe's
    // only by chance, so the second key mainly costs the comparison
    SplittableRandom random = new SplittableRandom(7);
    buildBatches = new ArrayList<>();
    long buildRows = (long) orders * copies;
    for (long start = 0; start < buildRows; start += KernelState.BATCH_ROWS) {
      int rows = (int) Math.min(KernelState.BATCH_ROWS, buildRows - start);
      VectorSchemaRoot batch = VectorSchemaRoot.create(BUILD.toArrowSchema(), state.allocator);
      batch.allocateNew();
      BigIntVector key = (BigIntVector) batch.getVector(0);
      BigIntVector part = (BigIntVector) batch.getVector(1);
      BigIntVector value = (BigIntVector) batch.getVector(2);
      int written = 0;
      for (int i = 0; i < rows; i++) {
        long orderkey = 1 + (start + i) / copies;
        if (orderkey % 10 == 0) {
          continue;
        }
        key.setSafe(written, orderkey);
        part.setSafe(written, 1 + random.nextLong(200_000));
        value.setSafe(written, orderkey * 3);
        written++;
      }
      batch.setRowCount(written);
      buildBatches.add(batch);
    }
    List<Column> output = new ArrayList<>(LineitemBatches.SCHEMA.columns());
    if (!joinType.probeColumnsOnly()) {
      output.addAll(BUILD.columns());
    }
    List<Integer> probeKeys = keys == 1 ? List.of(LineitemBatches.ORDERKEY)
        : List.of(LineitemBatches.ORDERKEY, LineitemBatches.PARTKEY);
    List<Integer> buildKeys = keys == 1 ? List.of(0) : List.of(0, 1);
    node = new HashJoinNode(new ValuesNode(List.of(), LineitemBatches.SCHEMA), new ValuesNode(List.of(), BUILD),
        joinType, probeKeys, buildKeys, null, new RowSchema(output));
  }

  @TearDown(Level.Trial)
  public void release() {
    buildBatches.forEach(VectorSchemaRoot::close);
  }

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public long join(CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    KernelState state = build;
    List<VectorSchemaRoot> shared = new ArrayList<>();
    for (VectorSchemaRoot batch : buildBatches) {
      shared.add(LineitemBatches.share(batch, state.allocator));
    }
    long rows = 0;
    Operator buildSide = new SharedBatchesOperator(shared);
    try (HashJoinOperator join = HashJoinOperator.create(node, List.of(buildSide), state.allocator,
        KernelState.BATCH_ROWS, new CancellationToken())) {
      for (VectorSchemaRoot batch : state.batches) {
        while (!join.needsInput()) {
          rows += drain(join, sink);
        }
        join.addInput(LineitemBatches.share(batch, state.allocator));
        rows += drain(join, sink);
      }
      join.finish();
      while (!join.isFinished()) {
        rows += drain(join, sink);
      }
    }
    cpu.add(start, KernelState.ROWS);
    return rows;
  }

  private static long drain(HashJoinOperator join, Blackhole sink) {
    VectorSchemaRoot out = join.getOutput();
    if (out == null) {
      return 0;
    }
    int rows = out.getRowCount();
    sink.consume(out);
    out.close();
    return rows;
  }

  /** Hands out prepared batches, then finishes (the build side's pipeline). */
  private static final class SharedBatchesOperator implements Operator {
    private final List<VectorSchemaRoot> batches;
    private int next;

    SharedBatchesOperator(List<VectorSchemaRoot> batches) {
      this.batches = batches;
    }

    @Override
    public boolean needsInput() {
      return false;
    }

    @Override
    public void addInput(VectorSchemaRoot batch) {
      throw new IllegalStateException("a source takes no input");
    }

    @Override
    public VectorSchemaRoot getOutput() {
      return next < batches.size() ? batches.get(next++) : null;
    }

    @Override
    public void finish() {
    }

    @Override
    public boolean isFinished() {
      return next >= batches.size();
    }

    @Override
    public void close() {
      while (next < batches.size()) {
        batches.get(next++).close();
      }
    }
  }

}
