package io.quiver.benchmarks;

import io.quiver.exec.expression.ExpressionCompiler;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.operator.filter.FilterOperator;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The filter operator on TPC-H Q6's predicate (about 2% of rows pass) and on a predicate that keeps
 * half the rows (where copying the survivors costs most). Throughput in rows per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class FilterBenchmark {

  @Param({"q6", "half"})
  public String predicate;

  private Expression condition;

  @org.openjdk.jmh.annotations.Setup
  public void plan() {
    DataType money = LineitemBatches.MONEY;
    InputReference shipdate = new InputReference(LineitemBatches.SHIPDATE, DataType.DATE);
    InputReference discount = new InputReference(LineitemBatches.DISCOUNT, money);
    InputReference quantity = new InputReference(LineitemBatches.QUANTITY, money);
    if (predicate.equals("q6")) {
      Expression dates = Call.of(ScalarFunction.AND, DataType.BOOLEAN,
          Call.of(ScalarFunction.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, shipdate,
              Literal.ofDate(LocalDate.of(1994, 1, 1))),
          Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN, shipdate, Literal.ofDate(LocalDate.of(1995, 1, 1))));
      Expression discounts = Call.of(ScalarFunction.BETWEEN, DataType.BOOLEAN, discount,
          Literal.ofDecimal(new BigDecimal("0.05"), money), Literal.ofDecimal(new BigDecimal("0.07"), money));
      Expression quantities = Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN, quantity,
          Literal.ofDecimal(new BigDecimal("24"), money));
      condition = Call.of(ScalarFunction.AND, DataType.BOOLEAN,
          Call.of(ScalarFunction.AND, DataType.BOOLEAN, dates, discounts), quantities);
    } else {
      condition = Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN, quantity,
          Literal.ofDecimal(new BigDecimal("25.5"), money));
    }
  }

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public long filter(KernelState state, CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    long rows = 0;
    try (FilterOperator filter = new FilterOperator(ExpressionCompiler.compile(condition, state.allocator),
        state.allocator)) {
      for (VectorSchemaRoot batch : state.batches) {
        filter.addInput(LineitemBatches.share(batch, state.allocator));
        VectorSchemaRoot out = filter.getOutput();
        if (out != null) {
          rows += out.getRowCount();
          sink.consume(out);
          out.close();
        }
      }
    }
    cpu.add(start, KernelState.ROWS);
    return rows;
  }
}
