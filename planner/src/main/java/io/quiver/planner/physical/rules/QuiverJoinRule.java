package io.quiver.planner.physical.rules;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.planner.PlannerSettings;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverHashJoin;
import io.quiver.planner.physical.QuiverHashJoin.Strategy;
import io.quiver.planner.physical.QuiverProject;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Plans a join as a {@link QuiverHashJoin}.
 *
 * <ul>
 *   <li>Keys: the equalities between a column of each side (same type; the logical phase casts
 *       keys of different types to a common one); everything else is the residual condition.
 *   <li>Sides: the side with fewer estimated rows builds; LEFT/RIGHT map to PROBE_OUTER or
 *       BUILD_OUTER accordingly, and a projection restores the logical column order when the
 *       right side probes. Semi and anti joins always probe with their left side.
 *   <li>Strategy: broadcast (build side copied to every task, probe side stays) when the build side
 *       is estimated at no more than {@link PlannerSettings#broadcastThresholdRows()} rows and the
 *       join type does not emit unmatched build rows; partitioned (both sides hash-exchanged on
 *       their keys, skipped where a side already is) otherwise. When the probe side is already
 *       hashed on its keys both are offered and the cost model picks. No keys: broadcast, or both
 *       sides in one partition for outer joins that emit unmatched build rows.
 * </ul>
 */
public final class QuiverJoinRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverJoinRule INSTANCE = (QuiverJoinRule) QuiverRuleConfig.of(
      "QuiverJoinRule",
      b0 -> b0.operand(LogicalJoin.class).anyInputs(),
      QuiverJoinRule::new).toRule();

  /** Used when the planner carries no settings (tests that build a planner by hand). */
  private static final long DEFAULT_BROADCAST_THRESHOLD = 100_000;

  private QuiverJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RelMetadataQuery mq = call.getMetadataQuery();
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    RelNode left = join.getLeft();
    RelNode right = join.getRight();

    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<RexNode> residuals = new ArrayList<>();
    splitCondition(join, leftKeys, rightKeys, residuals);
    RexNode residual = RexUtil.composeConjunction(rexBuilder, residuals, true);

    double leftRows = mq.getRowCount(left);
    double rightRows = mq.getRowCount(right);
    boolean swap;
    JoinType joinType;
    switch (join.getJoinType()) {
      case INNER:
        swap = leftRows < rightRows;
        joinType = JoinType.INNER;
        break;
      case LEFT:
        swap = leftRows < rightRows;
        joinType = swap ? JoinType.BUILD_OUTER : JoinType.PROBE_OUTER;
        break;
      case RIGHT:
        swap = leftRows <= rightRows;
        joinType = swap ? JoinType.PROBE_OUTER : JoinType.BUILD_OUTER;
        break;
      case FULL:
        swap = leftRows < rightRows;
        joinType = JoinType.FULL_OUTER;
        break;
      case SEMI:
        swap = false;
        joinType = JoinType.SEMI;
        break;
      case ANTI:
        swap = false;
        joinType = JoinType.ANTI;
        break;
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED,
            join.getJoinType() + " joins are not supported");
    }

    RelNode probeLogical = swap ? right : left;
    RelNode buildLogical = swap ? left : right;
    List<Integer> probeKeys = new ArrayList<>();
    List<Integer> buildKeys = new ArrayList<>();
    sortPairs(swap ? rightKeys : leftKeys, swap ? leftKeys : rightKeys, probeKeys, buildKeys);
    double buildRows = swap ? leftRows : rightRows;
    if (residual != null && swap) {
      residual = swapSides(residual, left.getRowType().getFieldCount(),
          right.getRowType().getFieldCount());
    }
    double rows = mq.getRowCount(join);

    RelNode probe = PhysicalInputs.physical(probeLogical);
    RelNode build = PhysicalInputs.physical(buildLogical);
    RelDistribution probeDistribution = Distributions.of(probe);
    RelDistribution buildDistribution = Distributions.of(build);
    boolean emitsUnmatchedBuild = joinType == JoinType.BUILD_OUTER
        || joinType == JoinType.FULL_OUTER;

    List<QuiverHashJoin> alternatives = new ArrayList<>();
    if (isSingleton(probeDistribution) && isSingleton(buildDistribution)) {
      alternatives.add(hashJoin(join, probe, build, joinType, Strategy.PARTITIONED, probeKeys,
          buildKeys, residual, rows, RelDistributions.SINGLETON));
    } else if (probeKeys.isEmpty() && emitsUnmatchedBuild) {
      alternatives.add(hashJoin(join, gather(probe), gather(build), joinType, Strategy.PARTITIONED,
          probeKeys, buildKeys, residual, rows, RelDistributions.SINGLETON));
    } else {
      boolean broadcastable = probeKeys.isEmpty()
          || !emitsUnmatchedBuild && buildRows <= broadcastThreshold(call);
      if (broadcastable) {
        RelNode broadcast = QuiverExchange.create(build, RelDistributions.BROADCAST_DISTRIBUTED);
        alternatives.add(hashJoin(join, probe, broadcast, joinType, Strategy.BROADCAST, probeKeys,
            buildKeys, residual, rows, probeDistribution));
      }
      // A small build side is broadcast; partitioning competes only when the probe side is already
      // hashed on its keys (then only the small side moves).
      boolean probeInPlace = isAscending(probeKeys)
          && probeDistribution.getType() == RelDistribution.Type.HASH_DISTRIBUTED
          && probeDistribution.getKeys().equals(probeKeys);
      if (!probeKeys.isEmpty() && (!broadcastable || probeInPlace)) {
        RelNode probeHashed = hashed(probe, probeDistribution, probeKeys);
        RelNode buildHashed = hashed(build, buildDistribution, buildKeys);
        RelDistribution output;
        if (joinType == JoinType.FULL_OUTER
            || joinType == JoinType.BUILD_OUTER && !isAscending(buildKeys)) {
          output = RelDistributions.RANDOM_DISTRIBUTED;
        } else if (joinType == JoinType.BUILD_OUTER) {
          int offset = probe.getRowType().getFieldCount();
          output = RelDistributions.hash(buildKeys.stream().map(key -> key + offset).toList());
        } else {
          output = RelDistributions.hash(probeKeys);
        }
        alternatives.add(hashJoin(join, probeHashed, buildHashed, joinType, Strategy.PARTITIONED,
            probeKeys, buildKeys, residual, rows, output));
      }
    }
    for (QuiverHashJoin alternative : alternatives) {
      call.transformTo(swap ? restoreOrder(join, alternative) : alternative);
    }
  }

  /** Equi-keys (a column of each side, same type, NULLs never equal) and the residual conjuncts. */
  private static void splitCondition(LogicalJoin join, List<Integer> leftKeys,
      List<Integer> rightKeys, List<RexNode> residuals) {
    List<Integer> candidateLeft = new ArrayList<>();
    List<Integer> candidateRight = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> nonEqui = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(),
        join.getCondition(), candidateLeft, candidateRight, filterNulls, nonEqui);
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    for (int i = 0; i < candidateLeft.size(); i++) {
      RexNode leftRef = RexInputRef.of(candidateLeft.get(i), join.getLeft().getRowType());
      RexNode rightRef = new RexInputRef(leftCount + candidateRight.get(i),
          join.getRight().getRowType().getFieldList().get(candidateRight.get(i)).getType());
      boolean sameType = SqlTypeUtil.equalSansNullability(join.getCluster().getTypeFactory(),
          leftRef.getType(), rightRef.getType());
      boolean repeated = leftKeys.contains(candidateLeft.get(i))
          || rightKeys.contains(candidateRight.get(i));
      if (filterNulls.get(i) && sameType && !repeated) {
        leftKeys.add(candidateLeft.get(i));
        rightKeys.add(candidateRight.get(i));
      } else {
        residuals.add(rexBuilder.makeCall(filterNulls.get(i)
            ? SqlStdOperatorTable.EQUALS : SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, leftRef, rightRef));
      }
    }
    residuals.addAll(nonEqui);
    residuals.removeIf(RexNode::isAlwaysTrue);
  }

  private static QuiverHashJoin hashJoin(LogicalJoin join, RelNode probe, RelNode build,
      JoinType joinType, Strategy strategy, List<Integer> probeKeys, List<Integer> buildKeys,
      RexNode residual, double rows, RelDistribution distribution) {
    return new QuiverHashJoin(join.getCluster(), Distributions.traits(join, distribution), probe,
        build, joinType, strategy, probeKeys, buildKeys, residual, rows);
  }

  /**
   * The pairs (probe key, build key) ordered by probe key, since hash distributions keep their keys
   * ascending (splitCondition already moved pairs that repeat a key into the residual).
   */
  private static void sortPairs(List<Integer> probeIn, List<Integer> buildIn, List<Integer> probeOut,
      List<Integer> buildOut) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < probeIn.size(); i++) {
      pairs.add(new int[] {probeIn.get(i), buildIn.get(i)});
    }
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] pair : pairs) {
      probeOut.add(pair[0]);
      buildOut.add(pair[1]);
    }
  }

  private static boolean isAscending(List<Integer> keys) {
    return Distributions.ascending(keys);
  }

  /**
   * {@code input} hash-partitioned on {@code keys} in this order: as it is when it already is
   * (ascending keys, the same hash distribution), through an exchange otherwise.
   */
  private static RelNode hashed(RelNode input, RelDistribution distribution, List<Integer> keys) {
    if (isAscending(keys) && distribution.getType() == RelDistribution.Type.HASH_DISTRIBUTED
        && distribution.getKeys().equals(keys)) {
      return input;
    }
    return QuiverExchange.hash(input, keys);
  }

  private static RelNode gather(RelNode input) {
    return isSingleton(Distributions.of(input))
        ? input : QuiverExchange.create(input, RelDistributions.SINGLETON);
  }

  private static boolean isSingleton(RelDistribution distribution) {
    return distribution.getType() == RelDistribution.Type.SINGLETON;
  }

  private static long broadcastThreshold(RelOptRuleCall call) {
    PlannerSettings settings = call.getPlanner().getContext().unwrap(PlannerSettings.class);
    return settings == null ? DEFAULT_BROADCAST_THRESHOLD : settings.broadcastThresholdRows();
  }

  /** A condition over left ++ right rewritten over right ++ left. */
  private static RexNode swapSides(RexNode condition, int leftCount, int rightCount) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int index = ref.getIndex();
        return new RexInputRef(index < leftCount ? rightCount + index : index - leftCount,
            ref.getType());
      }
    });
  }

  /** The join of swapped sides (right ++ left) projected back to the logical order (left ++ right). */
  private static RelNode restoreOrder(LogicalJoin join, QuiverHashJoin swapped) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    List<RexNode> projects = new ArrayList<>(leftCount + rightCount);
    for (int i = 0; i < leftCount; i++) {
      projects.add(RexInputRef.of(rightCount + i, swapped.getRowType()));
    }
    for (int j = 0; j < rightCount; j++) {
      projects.add(RexInputRef.of(j, swapped.getRowType()));
    }
    RelDistribution distribution = Distributions.project(Distributions.of(swapped), projects);
    return new QuiverProject(join.getCluster(), Distributions.traits(join, distribution), swapped,
        projects, join.getRowType());
  }
}
