package io.quiver.planner.physical;

import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A node of a physical plan in Quiver's convention. Every such node carries a
 * {@link org.apache.calcite.rel.RelDistribution} trait saying how its rows are spread over the
 * partitions of the stage that runs it, and knows how to turn itself into a fragment node.
 */
public interface QuiverRel extends RelNode {

  /** Quiver's calling convention: plans that Quiver's executor runs, stage by stage. */
  Convention CONVENTION = QuiverConvention.INSTANCE;

  /**
   * This node as a fragment node, with its inputs fragmented by {@code fragmenter} (an exchange
   * closes a stage instead).
   */
  FragmentPiece fragment(Fragmenter fragmenter);
}
