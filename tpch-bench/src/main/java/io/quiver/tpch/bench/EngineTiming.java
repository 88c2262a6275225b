package io.quiver.tpch.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One engine's timed runs of one query (the warm-up run is not among them).
 *
 * @param runMillis wall time of each timed run, from submitting the SQL to reading the last row
 * @param planningMillis planning time of each timed run; empty where the engine does not report it
 * @param rows rows of the answer
 * @param outcome whether every answer matched the reference answer
 * @param detail why the outcome is not CORRECT (the error or the first differences); null otherwise
 */
public record EngineTiming(List<Double> runMillis, List<Double> planningMillis, long rows, QueryOutcome outcome,
    String detail) {

  public EngineTiming {
    runMillis = List.copyOf(runMillis);
    planningMillis = List.copyOf(planningMillis);
  }

  /** True when the query ran (its answer may still be wrong). */
  public boolean ran() {
    return outcome != QueryOutcome.FAILED && !runMillis.isEmpty();
  }

  public double medianMillis() {
    return median(runMillis);
  }

  public double medianPlanningMillis() {
    return median(planningMillis);
  }

  /** The median; the mean of the middle two for an even count; NaN for none. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
