package io.quiver.benchmarks;

import io.quiver.exec.expression.ExpressionCompiler;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
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
 * Decimal arithmetic as TPC-H Q1 projects it, with the result types Calcite derives:
 * {@code l_extendedprice * (1 - l_discount)} is DECIMAL(31,4) (past 18 digits, though every value
 * fits a long), and {@code ... * (1 + l_tax)} DECIMAL(38,6). Rows per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
@State(Scope.Benchmark)
public class DecimalProjectBenchmark {

  @Param({"disc_price", "charge"})
  public String expression;

  private Expression projected;

  @Setup
  public void plan() {
    DataType money = LineitemBatches.MONEY;
    Expression one = Literal.ofLong(1, DataType.INTEGER);
    Expression price = new InputReference(LineitemBatches.EXTENDEDPRICE, money);
    Expression discount = new InputReference(LineitemBatches.DISCOUNT, money);
    Expression tax = new InputReference(LineitemBatches.TAX, money);
    Expression discPrice = Call.of(ScalarFunction.MULTIPLY, DataType.decimal(31, 4), price,
        Call.of(ScalarFunction.SUBTRACT, DataType.decimal(16, 2), one, discount));
    projected = expression.equals("disc_price") ? discPrice
        : Call.of(ScalarFunction.MULTIPLY, DataType.decimal(38, 6), discPrice,
            Call.of(ScalarFunction.ADD, DataType.decimal(16, 2), one, tax));
  }

  @Benchmark
  @OperationsPerInvocation(KernelState.ROWS)
  public void project(KernelState state, CpuTime cpu, Blackhole sink) {
    long start = CpuTime.now();
    try (VectorExpression compiled = ExpressionCompiler.compile(projected, state.allocator)) {
      for (VectorSchemaRoot batch : state.batches) {
        FieldVector result = compiled.evaluate(batch);
        sink.consume(result);
        result.close();
      }
    }
    cpu.add(start, KernelState.ROWS);
  }
}
