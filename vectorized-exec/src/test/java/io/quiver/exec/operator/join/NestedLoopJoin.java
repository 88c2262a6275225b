package io.quiver.exec.operator.join;

import io.quiver.exec.fragment.node.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/** The join written as plainly as possible, row by row, as the reference for the hash join. */
final class NestedLoopJoin {

  private NestedLoopJoin() {
  }

  static List<List<Object>> join(JoinType type, List<List<Object>> probe, List<List<Object>> build,
      int probeWidth, int buildWidth, List<Integer> probeKeys, List<Integer> buildKeys,
      BiFunction<List<Object>, List<Object>, Boolean> residual) {
    List<List<Object>> out = new ArrayList<>();
    boolean[] buildMatched = new boolean[build.size()];
    for (List<Object> p : probe) {
      boolean matched = false;
      boolean notInExcluded = false;
      for (int b = 0; b < build.size(); b++) {
        List<Object> row = build.get(b);
        boolean condition = Boolean.TRUE.equals(residual.apply(p, row));
        if (condition && keysEqual(p, row, probeKeys, buildKeys)) {
          matched = true;
          buildMatched[b] = true;
          if (type == JoinType.INNER || type == JoinType.PROBE_OUTER || type == JoinType.BUILD_OUTER
              || type == JoinType.FULL_OUTER) {
            out.add(concat(p, row));
          }
        }
        // NOT IN: the row is excluded when some selected build key equals it or is unknown (NULL)
        if (condition && (anyNull(p, probeKeys) || anyNull(row, buildKeys)
            || keysEqual(p, row, probeKeys, buildKeys))) {
          notInExcluded = true;
        }
      }
      switch (type) {
        case PROBE_OUTER, FULL_OUTER -> {
          if (!matched) {
            out.add(concat(p, nulls(buildWidth)));
          }
        }
        case SEMI -> {
          if (matched) {
            out.add(p);
          }
        }
        case ANTI -> {
          if (!matched) {
            out.add(p);
          }
        }
        case NULL_AWARE_ANTI -> {
          if (!notInExcluded) {
            out.add(p);
          }
        }
        default -> {
        }
      }
    }
    if (type == JoinType.BUILD_OUTER || type == JoinType.FULL_OUTER) {
      for (int b = 0; b < build.size(); b++) {
        if (!buildMatched[b]) {
          out.add(concat(nulls(probeWidth), build.get(b)));
        }
      }
    }
    return out;
  }

  private static boolean keysEqual(List<Object> p, List<Object> b, List<Integer> probeKeys, List<Integer> buildKeys) {
    for (int k = 0; k < probeKeys.size(); k++) {
      Object left = p.get(probeKeys.get(k));
      Object right = b.get(buildKeys.get(k));
      if (left == null || right == null || !left.equals(right)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyNull(List<Object> row, List<Integer> keys) {
    for (int key : keys) {
      if (row.get(key) == null) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> nulls(int width) {
    return Arrays.asList(new Object[width]);
  }

  private static List<Object> concat(List<Object> left, List<Object> right) {
    List<Object> row = new ArrayList<>(left);
    row.addAll(right);
    return Collections.unmodifiableList(row);
  }
}
