package io.quiver.exec.operator.join;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a hash join over Java rows and computes the same join with nested loops. Probe rows are
 * (k BIGINT, name VARCHAR, v BIGINT), build rows (k INTEGER, name VARCHAR, w BIGINT); the keys are
 * k, or k and name; the residual condition, when used, is {@code probe.v < build.w}.
 */
final class JoinTestSupport {

  static final RowSchema PROBE = TestTables.schema("k", DataType.BIGINT, "name", DataType.VARCHAR,
      "v", DataType.BIGINT);
  static final RowSchema BUILD = TestTables.schema("bk", DataType.INTEGER, "bname", DataType.VARCHAR,
      "w", DataType.BIGINT);

  private JoinTestSupport() {
  }

  static List<Integer> keys(boolean twoKeys) {
    return twoKeys ? List.of(0, 1) : List.of(0);
  }

  static Expression residual() {
    return new Call(ScalarFunction.LESS_THAN, List.of(new InputReference(2, DataType.BIGINT),
        new InputReference(5, DataType.BIGINT)), DataType.BOOLEAN);
  }

  static HashJoinNode node(JoinType type, boolean twoKeys, boolean withResidual) {
    List<Column> columns = new ArrayList<>(PROBE.columns());
    if (!type.probeColumnsOnly()) {
      columns.addAll(BUILD.columns());
    }
    return new HashJoinNode(new ValuesNode(List.of(), PROBE), new ValuesNode(List.of(), BUILD), type,
        keys(twoKeys), keys(twoKeys), withResidual ? residual() : null, new RowSchema(columns));
  }

  static List<List<Object>> hashJoin(BufferAllocator allocator, List<List<Object>> probe, List<List<Object>> build,
      JoinType type, boolean twoKeys, boolean withResidual, int batchSize) {
    HashJoinNode node = node(type, twoKeys, withResidual);
    HashJoinOperator join = HashJoinOperator.create(node,
        List.of(new ListSourceOperator(TestTables.batches(allocator, BUILD, build, batchSize))), allocator, batchSize,
        new CancellationToken());
    return Pipelines.run(TestTables.batches(allocator, PROBE, probe, batchSize), join);
  }

  private static boolean keysMatch(List<Object> p, List<Object> b, boolean twoKeys) {
    if (p.get(0) == null || b.get(0) == null || !p.get(0).equals(b.get(0))) {
      return false;
    }
    return !twoKeys || (p.get(1) != null && b.get(1) != null && p.get(1).equals(b.get(1)));
  }

  private static boolean matches(List<Object> p, List<Object> b, boolean twoKeys, boolean withResidual) {
    if (!keysMatch(p, b, twoKeys)) {
      return false;
    }
    if (!withResidual) {
      return true;
    }
    return p.get(2) != null && b.get(2) != null && (Long) p.get(2) < (Long) b.get(2);
  }

  static List<List<Object>> nestedLoopJoin(List<List<Object>> probe, List<List<Object>> build, JoinType type,
      boolean twoKeys, boolean withResidual) {
    List<List<Object>> out = new ArrayList<>();
    boolean[] buildMatched = new boolean[build.size()];
    List<Object> nullProbe = Arrays.asList(null, null, null);
    List<Object> nullBuild = Arrays.asList(null, null, null);
    boolean buildHasNullKey = build.stream().anyMatch(b -> b.get(0) == null || twoKeys && b.get(1) == null);
    for (List<Object> p : probe) {
      boolean matched = false;
      for (int j = 0; j < build.size(); j++) {
        List<Object> b = build.get(j);
        if (matches(p, b, twoKeys, withResidual)) {
          matched = true;
          buildMatched[j] = true;
          if (!type.probeColumnsOnly()) {
            out.add(concat(p, b));
          }
        }
      }
      switch (type) {
        case PROBE_OUTER, FULL_OUTER -> {
          if (!matched) {
            out.add(concat(p, nullBuild));
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
          boolean keyNull = p.get(0) == null || twoKeys && p.get(1) == null;
          if (build.isEmpty() || (!matched && !keyNull && !buildHasNullKey)) {
            out.add(p);
          }
        }
        default -> {
        }
      }
    }
    if (type == JoinType.BUILD_OUTER || type == JoinType.FULL_OUTER) {
      for (int j = 0; j < build.size(); j++) {
        if (!buildMatched[j]) {
          out.add(concat(nullProbe, build.get(j)));
        }
      }
    }
    return out;
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> row = new ArrayList<>(a);
    row.addAll(b);
    return row;
  }

  static List<String> canonical(List<List<Object>> rows) {
    List<String> strings = new ArrayList<>();
    for (List<Object> row : rows) {
      strings.add(row.stream().map(Objects::toString).toList().toString());
    }
    Collections.sort(strings);
    return strings;
  }
}
