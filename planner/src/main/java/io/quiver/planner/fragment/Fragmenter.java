package io.quiver.planner.fragment;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.planner.PlannerSettings;
import io.quiver.planner.explain.RowEstimates;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverRel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;

/**
 * Cuts a physical plan into stages at its exchanges. Each {@link QuiverRel} turns itself into a
 * fragment node ({@link QuiverRel#fragment}); an exchange closes the stage below it, which writes
 * its output partitioned as the exchange says, and opens an {@link ExchangeSourceNode} in the stage
 * above. Partition counts: a scan stage has the table's split count, the consumer of a hash or
 * round-robin exchange {@link PlannerSettings#shufflePartitions()}, the consumer of a gather one.
 * One instance per plan; not thread-safe.
 */
public final class Fragmenter {

  private final PlannerSettings settings;
  private final ExpressionConverter expressions;
  private final List<StageFragment> stages = new ArrayList<>();
  private final Map<PlanNode, Double> estimates = new IdentityHashMap<>();

  public Fragmenter(PlannerSettings settings, RexBuilder rexBuilder) {
    this.settings = settings;
    this.expressions = new ExpressionConverter(rexBuilder, java.time.Instant.now(), settings.timeZone());
  }

  /**
   * The stage DAG of a physical plan whose root is SINGLETON-distributed. A gather directly at the
   * root (nothing order-dependent above it: no ORDER BY, LIMIT or final aggregate) is dropped, and
   * the stage below becomes the result stage with all its partitions: the client gets the first
   * rows while the scan still runs, and the rows of the tasks arrive interleaved.
   */
  public StagePlan fragment(RelNode root) {
    if (root instanceof QuiverExchange gather
        && gather.getDistribution().getType() == RelDistribution.Type.SINGLETON) {
      FragmentPiece piece = visit(gather.getInput());
      addStage(piece, Math.max(1, piece.partitionCount()), new OutputPartitioning.Result());
      return new StagePlan(stages);
    }
    FragmentPiece piece = visit(root);
    if (piece.partitionCount() > 1) {
      piece = exchange(piece, new OutputPartitioning.Single(), 1);
    }
    addStage(piece, 1, new OutputPartitioning.Result());
    return new StagePlan(stages);
  }

  public ExpressionConverter expressions() {
    return expressions;
  }

  public PlannerSettings settings() {
    return settings;
  }

  /** The fragment of a physical input. */
  public FragmentPiece visit(RelNode rel) {
    if (!(rel instanceof QuiverRel quiverRel)) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "Physical plan holds a node outside the Quiver convention: " + rel.getRelTypeName());
    }
    FragmentPiece piece = quiverRel.fragment(this);
    if (!estimates.containsKey(piece.node())) {
      estimates.put(piece.node(), rel.getCluster().getMetadataQuery().getRowCount(rel));
    }
    return piece;
  }

  /** The row count estimates of the nodes of the plan {@link #fragment} made. */
  public RowEstimates rowEstimates(StagePlan plan) {
    return RowEstimates.of(plan, estimates);
  }

  /**
   * Closes {@code input}'s stage, writing through an exchange of {@code distribution}, and returns
   * the exchange's reading side for the consuming stage.
   */
  public FragmentPiece exchange(FragmentPiece input, RelDistribution distribution) {
    switch (distribution.getType()) {
      case HASH_DISTRIBUTED:
        return exchange(input, new OutputPartitioning.Hash(distribution.getKeys(),
            settings.shufflePartitions()), settings.shufflePartitions());
      case SINGLETON:
        return exchange(input, new OutputPartitioning.Single(), 1);
      case BROADCAST_DISTRIBUTED:
        return exchange(input, new OutputPartitioning.Broadcast(), 0);
      case ROUND_ROBIN_DISTRIBUTED:
      case RANDOM_DISTRIBUTED:
        return exchange(input, new OutputPartitioning.RoundRobin(settings.shufflePartitions()),
            settings.shufflePartitions());
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED,
            "Exchange of distribution " + distribution + " is not supported");
    }
  }

  /** A hash exchange on {@code keys} hashed in exactly this order. */
  public FragmentPiece hashExchange(FragmentPiece input, List<Integer> keys) {
    return exchange(input, new OutputPartitioning.Hash(keys, settings.shufflePartitions()),
        settings.shufflePartitions());
  }

  private FragmentPiece exchange(FragmentPiece input, OutputPartitioning output,
      int consumerPartitions) {
    int producerPartitions = Math.max(1, input.partitionCount());
    int stageId = addStage(input, producerPartitions, output);
    ExchangeSourceNode source = new ExchangeSourceNode(stageId, producerPartitions,
        output instanceof OutputPartitioning.Broadcast, input.node().outputSchema());
    return new FragmentPiece(source, consumerPartitions, List.of(stageId));
  }

  /**
   * Pieces that will run in one stage (the inputs of a union): the partition count they agree on.
   * Inputs that disagree with the largest count are dealt round-robin into that many partitions.
   */
  public List<FragmentPiece> alignPartitions(List<FragmentPiece> pieces) {
    int target = 0;
    for (FragmentPiece piece : pieces) {
      target = Math.max(target, piece.partitionCount());
    }
    List<FragmentPiece> aligned = new ArrayList<>(pieces.size());
    for (FragmentPiece piece : pieces) {
      if (piece.partitionCount() == target || piece.partitionCount() == 0 && target == 1) {
        aligned.add(piece);
      } else if (piece.partitionCount() == 0 && isUnconstrainedValues(piece)) {
        // VALUES rows come from partition 0 only, whatever the stage's partition count.
        aligned.add(piece);
      } else {
        aligned.add(exchange(piece, new OutputPartitioning.RoundRobin(target), target));
      }
    }
    return aligned;
  }

  private static boolean isUnconstrainedValues(FragmentPiece piece) {
    return piece.sourceStageIds().isEmpty();
  }

  private int addStage(FragmentPiece piece, int partitionCount, OutputPartitioning output) {
    int stageId = stages.size();
    stages.add(new StageFragment(stageId, piece.node(), partitionCount, output,
        piece.sourceStageIds()));
    return stageId;
  }
}
