package io.quiver.planner.statistics;

import io.quiver.planner.logical.ColumnPrunedScan;
import io.quiver.planner.physical.QuiverTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Row-count estimates of joins from key uniqueness. Calcite's default multiplies the input row
 * counts by 0.15 per equality, which makes every join look enormous and leads the join order and
 * build sides astray. Here, when one side's join keys are unique in that side (a primary key of the
 * table it reads, or the group keys of an aggregate), each row of the other side matches at most
 * one row: the join has as many rows as the other side, scaled by the fraction of the unique
 * side's table that survives its filters (the foreign key / primary key assumption). Joins on
 * keys unique on neither side use the tables' distinct counts where known
 * ({@link ColumnDistinctCounts}): {@code left x right / max(distinct left keys, distinct right keys)},
 * so an equi-join on a column with few values (a nation key) is seen to multiply rows. Without
 * either, Calcite's estimate stays. Never is uniqueness assumed without a key: a table with only a
 * row count must not make a many-to-many join look like a lookup. Non-key conditions scale by
 * Calcite's selectivity guess.
 */
public class JoinRowCount extends RelMdRowCount {

  @Override
  public Double getRowCount(Join join, RelMetadataQuery mq) {
    Double fallback = super.getRowCount(join, mq);
    JoinRelType type = join.getJoinType();
    if (!type.projectsRight()) {
      return fallback;
    }
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys,
        rightKeys, null, residual);
    if (leftKeys.isEmpty()) {
      return fallback;
    }
    Double leftRows = mq.getRowCount(join.getLeft());
    Double rightRows = mq.getRowCount(join.getRight());
    if (leftRows == null || rightRows == null) {
      return fallback;
    }
    KeyOrigin leftOrigin = origin(join.getLeft(), leftKeys, mq);
    KeyOrigin rightOrigin = origin(join.getRight(), rightKeys, mq);
    Double inner = null;
    if (rightOrigin != null && rightOrigin.unique()) {
      inner = leftRows * Math.min(1, rightRows / rightOrigin.rows());
    }
    if (leftOrigin != null && leftOrigin.unique()) {
      double estimate = rightRows * Math.min(1, leftRows / leftOrigin.rows());
      inner = inner == null ? estimate : Math.min(inner, estimate);
    }
    if (inner == null) {
      inner = fromDistinctCounts(leftRows, rightRows, leftOrigin, rightOrigin);
    }
    if (inner == null) {
      return fallback;
    }
    RexNode rest = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), residual, true);
    if (rest != null) {
      inner *= RelMdUtil.guessSelectivity(rest);
    }
    switch (type) {
      case LEFT:
        return Math.max(inner, leftRows);
      case RIGHT:
        return Math.max(inner, rightRows);
      case FULL:
        return Math.max(inner, Math.max(leftRows, rightRows));
      default:
        return Math.max(1, inner);
    }
  }

  /**
   * Equi-join rows from the keys' distinct counts: every value of the side with fewer distinct
   * keys is assumed to occur in the other side (containment). A side's distinct count cannot pass
   * its estimated rows (filters remove values too). Null when neither side's count is known.
   */
  private static Double fromDistinctCounts(double leftRows, double rightRows, KeyOrigin left,
      KeyOrigin right) {
    double leftDistinct = left == null ? -1 : Math.min(left.distinct(), leftRows);
    double rightDistinct = right == null ? -1 : Math.min(right.distinct(), rightRows);
    double distinct = Math.max(leftDistinct, rightDistinct);
    if (!(distinct > 0)) {
      return null;
    }
    return leftRows * rightRows / distinct;
  }

  /**
   * Whether {@code keys} are unique in {@code rel}, how many rows their source has unfiltered, and
   * how many distinct key values the source holds (negative: unknown).
   */
  record KeyOrigin(boolean unique, double rows, double distinct) {
  }

  /** Follows key columns through filters and projections to a scan or an aggregate; null if lost. */
  static KeyOrigin origin(RelNode rel, List<Integer> keys, RelMetadataQuery mq) {
    if (rel instanceof RelSubset subset) {
      RelNode original = subset.getOriginal();
      return original == null ? null : origin(original, keys, mq);
    }
    if (rel instanceof HepRelVertex vertex) {
      return origin(vertex.getCurrentRel(), keys, mq);
    }
    if (rel instanceof Filter filter) {
      return origin(filter.getInput(), keys, mq);
    }
    if (rel instanceof Project project) {
      List<Integer> mapped = new ArrayList<>(keys.size());
      for (int key : keys) {
        if (!(project.getProjects().get(key) instanceof RexInputRef ref)) {
          return null;
        }
        mapped.add(ref.getIndex());
      }
      return origin(project.getInput(), mapped, mq);
    }
    if (rel instanceof Aggregate aggregate) {
      boolean unique = aggregate.getGroupCount() > 0
          && keys.containsAll(ImmutableBitSet.range(aggregate.getGroupCount()).asList());
      Double rows = mq.getRowCount(aggregate);
      return rows == null ? null : new KeyOrigin(unique, rows, unique ? rows : -1);
    }
    if (rel instanceof Join join && !join.getJoinType().projectsRight()) {
      return origin(join.getLeft(), keys, mq);
    }
    if (rel instanceof ColumnPrunedScan scan) {
      return tableOrigin(scan.getTable(), keys.stream().map(scan.columns()::get).toList());
    }
    if (rel instanceof QuiverTableScan scan) {
      return tableOrigin(scan.getTable(), keys.stream().map(scan.columns()::get).toList());
    }
    if (rel instanceof TableScan scan) {
      return tableOrigin(scan.getTable(), keys);
    }
    return null;
  }

  private static KeyOrigin tableOrigin(RelOptTable table, List<Integer> columns) {
    boolean unique = Boolean.TRUE.equals(table.isKey(ImmutableBitSet.of(columns)));
    double rows = table.getRowCount();
    return new KeyOrigin(unique, rows, unique ? rows : distinctCount(table, columns, rows));
  }

  /**
   * Distinct values of several columns together: the product of each column's distinct count,
   * at most the table's rows (columns are assumed independent). Negative when any is unknown.
   */
  private static double distinctCount(RelOptTable table, List<Integer> columns, double rows) {
    ColumnDistinctCounts counts = table.unwrap(ColumnDistinctCounts.class);
    if (counts == null) {
      return -1;
    }
    double product = 1;
    for (int column : columns) {
      double distinct = counts.distinctCount(column);
      if (!(distinct > 0)) {
        return -1;
      }
      product *= distinct;
    }
    return Math.min(product, rows);
  }
}
