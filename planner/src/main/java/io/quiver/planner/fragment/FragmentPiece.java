package io.quiver.planner.fragment;

import io.quiver.exec.fragment.node.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a stage's fragment built so far: its root node, how many partitions it runs in, and
 * which stages feed it.
 *
 * @param node the fragment node
 * @param partitionCount the partitions the piece runs in; 0 when it does not constrain them (a
 *     VALUES, or a broadcast input): the stage takes the count of its other inputs, or 1
 * @param sourceStageIds the stages whose exchanges the piece reads
 */
public record FragmentPiece(PlanNode node, int partitionCount, List<Integer> sourceStageIds) {

  public FragmentPiece {
    sourceStageIds = List.copyOf(sourceStageIds);
  }

  /** The same stage part with a new root node on top (filter, project, ...). */
  public FragmentPiece withNode(PlanNode newNode) {
    return new FragmentPiece(newNode, partitionCount, sourceStageIds);
  }

  /** The sources of several pieces that run in one stage. */
  public static List<Integer> sources(List<FragmentPiece> pieces) {
    List<Integer> sources = new ArrayList<>();
    for (FragmentPiece piece : pieces) {
      sources.addAll(piece.sourceStageIds());
    }
    return sources;
  }
}
