package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;

/**
 * How the groups of a logical window are run, as Spark runs them: the window functions that share
 * a PARTITION BY (as a set of columns) and an ORDER BY form one physical window each, computed
 * after one exchange and one sort. The physical windows run in this order: those with a PARTITION
 * BY first, fewest keys first (an exchange on {p} also serves PARTITION BY p, q, so its window
 * needs no second exchange), then those without (a gather, after which everything stays in one
 * partition); among equal PARTITION BYs the longer ORDER BY first (its sort also orders by a
 * prefix of it, and the later window needs no sort of its own).
 */
final class WindowPlan {

  /**
   * One physical window.
   *
   * @param partitionKeys the PARTITION BY columns, ascending
   * @param order the ORDER BY keys
   * @param calls the positions of its calls among the logical window's calls (all groups, in order)
   */
  record Spec(List<Integer> partitionKeys, RelCollation order, List<Integer> calls) {
  }

  private WindowPlan() {
  }

  static List<Spec> specs(Window window) {
    Map<List<Object>, List<Integer>> byKey = new LinkedHashMap<>();
    Map<List<Object>, Window.Group> groups = new LinkedHashMap<>();
    int callIndex = 0;
    for (Window.Group group : window.groups) {
      List<Object> key = List.of(group.keys.asList(), group.orderKeys.getFieldCollations());
      groups.putIfAbsent(key, group);
      List<Integer> calls = byKey.computeIfAbsent(key, k -> new ArrayList<>());
      for (int i = 0; i < group.aggCalls.size(); i++) {
        calls.add(callIndex++);
      }
    }
    List<Spec> specs = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> entry : byKey.entrySet()) {
      Window.Group group = groups.get(entry.getKey());
      specs.add(new Spec(group.keys.asList(), group.orderKeys, entry.getValue()));
    }
    specs.sort(Comparator.<Spec>comparingInt(spec -> spec.partitionKeys().isEmpty() ? Integer.MAX_VALUE
            : spec.partitionKeys().size())
        .thenComparing(spec -> spec.partitionKeys().toString())
        .thenComparing(Comparator.<Spec>comparingInt(spec -> spec.order().getFieldCollations().size()).reversed()));
    return specs;
  }

  /** The distribution each spec needs its input in: hashed on its partition keys, or in one partition. */
  static RelDistribution target(Spec spec) {
    return spec.partitionKeys().isEmpty() ? RelDistributions.SINGLETON : RelDistributions.hash(spec.partitionKeys());
  }

  /** The distribution of the window's output when its input has {@code input}. */
  static RelDistribution outputDistribution(Window window, RelDistribution input) {
    RelDistribution current = input;
    for (Spec spec : specs(window)) {
      if (!Distributions.colocates(current, spec.partitionKeys())) {
        current = target(spec);
      }
    }
    return current;
  }

  /**
   * The order a spec's sort must give its input: the partition keys (ascending, NULLs last), then
   * the ORDER BY keys that are not already among them.
   */
  static RelCollation sortCollation(Spec spec) {
    List<RelFieldCollation> keys = new ArrayList<>();
    List<Integer> seen = new ArrayList<>();
    for (int key : spec.partitionKeys()) {
      keys.add(new RelFieldCollation(key, RelFieldCollation.Direction.ASCENDING,
          RelFieldCollation.NullDirection.LAST));
      seen.add(key);
    }
    for (RelFieldCollation key : spec.order().getFieldCollations()) {
      if (!seen.contains(key.getFieldIndex())) {
        keys.add(key);
        seen.add(key.getFieldIndex());
      }
    }
    return RelCollations.of(keys);
  }
}
