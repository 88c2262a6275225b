package io.quiver.benchmarks;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.aggregate.HashAggregateOperator;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The partial hash aggregate's update: Q1's shape (two VARCHAR keys, 6 groups; sums of decimals
 * and a count), Q18's (one BIGINT key, a group per 4 rows; a decimal sum) and two BIGINT keys
 * (orderkey, suppkey: a group per row). Rows per microsecond, output included.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class HashAggregateBenchmark {

  @Param({"flags", "orderkey", "orderkey_suppkey"})
  public String grouping;

  private AggregateNode node;

  @Setup
  public void plan() {
    DataType money = LineitemBatches.MONEY;
    DataType sum = DataType.decimal(38, 2);
    List<Integer> keys;
    List<AggregateCall> calls = new ArrayList<>();
    switch (grouping) {
      case "flags" -> {
        keys = List.of(LineitemBatches.RETURNFLAG, LineitemBatches.LINESTATUS);
        calls.add(call(AggregateFunction.SUM, money, sum, LineitemBatches.QUANTITY));
        calls.add(call(AggregateFunction.SUM, money, sum, LineitemBatches.EXTENDEDPRICE));
        calls.add(call(AggregateFunction.SUM, money, sum, LineitemBatches.DISCOUNT));
        calls.add(new AggregateCall(AggregateFunction.COUNT, List.of(), false, DataType.BIGINT, DataType.BIGINT,
            "count"));
      }
      case "orderkey" -> {
        keys = List.of(LineitemBatches.ORDERKEY);
        calls.add(call(AggregateFunction.SUM, money, sum, LineitemBatches.QUANTITY));
      }
      default -> {
        keys = List.of(LineitemBatches.ORDERKEY, LineitemBatches.SUPPKEY);
        calls.add(call(AggregateFunction.SUM, money, sum, LineitemBatches.QUANTITY));
      }
    }
    RowSchema input = LineitemBatches.SCHEMA;
    List<Column> columns = new ArrayList<>();
    for (int key : keys) {
      columns.add(input.column(key));
    }
    for (AggregateCall call : calls) {
      List<DataType> types = call.function().intermediateTypes(call.argumentType(), call.resultType());
      for (int i = 0; i < types.size(); i++) {
        columns.add(new Column(call.name() + "_" + i, types.get(i), true));
      }
    }
    node = new AggregateNode(new ValuesNode(List.of(), input), AggregateStep.PARTIAL, keys, calls,
        new RowSchema(columns));
  }

  private static AggregateCall call(AggregateFunction function, DataType argument, DataType result, int column) {
    return new AggregateCall(function, List.of(column), false, argument, result,
        function.name().toLowerCase() + column);
  }

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public long aggregate(KernelState state, CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    long groups = 0;
    try (HashAggregateOperator aggregate = new HashAggregateOperator(node, state.allocator, KernelState.BATCH_ROWS)) {
      for (VectorSchemaRoot batch : state.batches) {
        aggregate.addInput(LineitemBatches.share(batch, state.allocator));
      }
      aggregate.finish();
      while (!aggregate.isFinished()) {
        VectorSchemaRoot out = aggregate.getOutput();
        if (out != null) {
          groups += out.getRowCount();
          sink.consume(out);
          out.close();
        }
      }
    }
    cpu.add(start, KernelState.ROWS);
    return groups;
  }
}
