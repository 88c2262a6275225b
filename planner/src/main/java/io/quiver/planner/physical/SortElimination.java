package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * After cost-based planning, drops the sorts whose input already arrives in their order within each
 * task, and turns such top-Ns into limits. A window emits its rows in the order of its sort, so an
 * ORDER BY that a window over one partition already satisfies costs no second sort, and a window
 * whose PARTITION BY and ORDER BY a previous window's sort already gives needs none of its own.
 * Order survives projections (of the ordered columns), filters, limits and windows; it does not
 * survive an exchange, a join or a union.
 */
public final class SortElimination {

  private SortElimination() {
  }

  public static RelNode apply(RelNode rel) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode rewritten = apply(input);
      changed |= rewritten != input;
      inputs.add(rewritten);
    }
    RelNode node = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    if (node instanceof QuiverSort sort && satisfies(ordering(sort.getInput()), SortKeys.of(sort.getCollation()))) {
      return sort.getInput();
    }
    if (node instanceof QuiverTopN topN && satisfies(ordering(topN.getInput()), SortKeys.of(topN.getCollation()))) {
      return new QuiverLimit(topN.getCluster(), topN.getTraitSet(), topN.getInput(), null, topN.fetch,
          topN.isPartial());
    }
    return node;
  }

  /** The order in which {@code rel}'s rows leave each task, as far as it is known (possibly none). */
  static List<SortKey> ordering(RelNode rel) {
    if (rel instanceof QuiverSort sort) {
      return SortKeys.of(sort.getCollation());
    }
    if (rel instanceof QuiverTopN topN) {
      return SortKeys.of(topN.getCollation());
    }
    if (rel instanceof QuiverWindow || rel instanceof QuiverFilter || rel instanceof QuiverLimit) {
      return ordering(rel.getInput(0));
    }
    if (rel instanceof QuiverProject project) {
      List<SortKey> mapped = new ArrayList<>();
      for (SortKey key : ordering(project.getInput())) {
        int position = positionOf(project.getProjects(), key.column());
        if (position < 0) {
          break;
        }
        mapped.add(new SortKey(position, key.ascending(), key.nullsFirst()));
      }
      return mapped;
    }
    return List.of();
  }

  private static boolean satisfies(List<SortKey> have, List<SortKey> wanted) {
    return !wanted.isEmpty() && have.size() >= wanted.size() && have.subList(0, wanted.size()).equals(wanted);
  }

  private static int positionOf(List<RexNode> projects, int column) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == column) {
        return i;
      }
    }
    return -1;
  }
}
