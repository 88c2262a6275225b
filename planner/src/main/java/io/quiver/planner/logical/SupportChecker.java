package io.quiver.planner.logical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.sql.catalog.ConnectorTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * Rejects, with NOT_SUPPORTED and a message naming the construct, logical plans that Quiver's
 * physical operators cannot run yet, before the cost-based phase would fail less clearly.
 */
public final class SupportChecker {

  private SupportChecker() {
  }

  public static void check(RelNode root) {
    checkNode(root);
    for (RelNode input : root.getInputs()) {
      check(input);
    }
  }

  private static void checkNode(RelNode node) {
    if (node instanceof Correlate) {
      throw unsupported("This correlated subquery (one that cannot be turned into a join) is");
    }
    if (node instanceof Join join) {
      checkJoin(join);
    }
    if (node instanceof Intersect || node instanceof Minus) {
      throw unsupported("INTERSECT and EXCEPT are");
    }
    if (node instanceof Aggregate aggregate && aggregate.getAggCallList().stream()
        .anyMatch(call -> call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SINGLE_VALUE)
        && !io.quiver.planner.physical.rules.QuiverEnforceSingleRowRule.isSingleValue(aggregate)) {
      throw unsupported("A correlated scalar subquery that is not an aggregate (it needs a check that it"
          + " returns at most one row per outer row) is");
    }
    if (node instanceof Union union && !union.all) {
      throw unsupported("UNION (distinct) is");
    }
    if (node instanceof TableScan scan && scan.getTable().unwrap(ConnectorTable.class) == null) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Table "
          + String.join(".", scan.getTable().getQualifiedName()) + " is not readable by a connector");
    }
    if (node instanceof Filter filter) {
      checkExpression(filter.getCondition());
    } else if (node instanceof Project project) {
      project.getProjects().forEach(SupportChecker::checkExpression);
    } else if (node instanceof Join join) {
      checkExpression(join.getCondition());
    } else if (node instanceof NullAwareAntiJoin || node instanceof Replicate || node instanceof WindowGroupLimit) {
      return;
    } else if (!(node instanceof Aggregate || node instanceof Sort || node instanceof Union || node instanceof Window
        || node instanceof Values || node instanceof TableScan)) {
      throw unsupported("The operator " + node.getRelTypeName() + " is");
    }
  }

  private static void checkJoin(Join join) {
    switch (join.getJoinType()) {
      case INNER:
      case LEFT:
      case RIGHT:
      case FULL:
      case SEMI:
      case ANTI:
        return;
      default:
        throw unsupported(join.getJoinType() + " joins are");
    }
  }

  private static void checkExpression(RexNode node) {
    if (RexOver.containsOver(node)) {
      throw unsupported("Window functions are");
    }
    if (RexUtil.SubQueryFinder.find(java.util.List.of(node)) != null) {
      throw unsupported("This subquery is");
    }
  }

  private static QuiverException unsupported(String what) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, what + " not supported yet");
  }
}
