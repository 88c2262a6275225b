package io.quiver.exec.testing;

import io.quiver.exec.operator.Driver;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.task.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Runs operators with a {@link Driver} and returns the rows that came out. */
public final class Pipelines {

  private Pipelines() {
  }

  /** Runs source batches through {@code operators} and returns the output rows (all batches released). */
  public static List<List<Object>> run(List<VectorSchemaRoot> input, Operator... operators) {
    List<Operator> chain = new ArrayList<>();
    chain.add(new ListSourceOperator(input));
    chain.addAll(List.of(operators));
    CollectingSink sink = new CollectingSink();
    chain.add(sink);
    try (Driver driver = new Driver(chain, new CancellationToken())) {
      driver.run();
    } catch (RuntimeException e) {
      TestTables.drain(sink.batches());
      throw e;
    }
    return TestTables.drain(sink.batches());
  }
}
