package io.quiver.exec.testing;

import io.quiver.exec.memory.Spillable;
import io.quiver.exec.operator.Operator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Feeds batches to one spilling operator, making it spill after the batches the caller picks
 * (random points in properties), and turns every output batch into rows at once, so that only the
 * operator's own state counts against its allocator's limit.
 */
public final class SpillDriver {

  private SpillDriver() {
  }

  /** Runs {@code input} through {@code operator}, spilling after batch i when {@code spillAfter.get(i)}. */
  public static <T extends Operator & Spillable> List<List<Object>> run(List<VectorSchemaRoot> input, T operator,
      List<Boolean> spillAfter) {
    List<List<Object>> rows = new ArrayList<>();
    int next = 0;
    try {
      for (; next < input.size(); next++) {
        operator.addInput(input.get(next));
        if (next < spillAfter.size() && spillAfter.get(next)) {
          operator.spill();
        }
        drainOutput(operator, rows);
      }
      operator.finish();
      int idle = 0;
      while (!operator.isFinished()) {
        if (drainOutput(operator, rows)) {
          idle = 0;
        } else if (++idle > 100_000) {
          throw new IllegalStateException(operator + " is not finished but has no output");
        }
      }
      return rows;
    } finally {
      for (int i = next + 1; i < input.size(); i++) {
        input.get(i).close();
      }
      operator.close();
    }
  }

  private static boolean drainOutput(Operator operator, List<List<Object>> rows) {
    boolean any = false;
    VectorSchemaRoot batch;
    while ((batch = operator.getOutput()) != null) {
      try {
        rows.addAll(TestTables.rows(batch));
      } finally {
        batch.close();
      }
      any = true;
    }
    return any;
  }
}
