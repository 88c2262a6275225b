package io.quiver.planner.explain;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.EnforceSingleRowNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.type.Column;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line per fragment node, indented by depth, with the node's essentials. */
public final class PlanNodePrinter {

  private PlanNodePrinter() {
  }

  public static void print(PlanNode node, String indent, StringBuilder out) {
    out.append(indent).append(describe(node)).append('\n');
    for (PlanNode child : node.children()) {
      print(child, indent + "  ", out);
    }
  }

  /** One line about one node (without its inputs). */
  public static String describe(PlanNode node) {
    if (node instanceof TableScanNode scan) {
      return "TableScan " + scan.table() + " columns=" + columnNames(scan.outputSchema().columns())
          + " splits=" + scan.splitCount();
    }
    if (node instanceof ValuesNode values) {
      return "Values rows=" + values.rows().size();
    }
    if (node instanceof ExchangeSourceNode source) {
      return "ExchangeSource from stage " + source.sourceStageId() + " ("
          + source.sourcePartitionCount() + " map partitions" + (source.broadcast() ? ", broadcast" : "")
          + ")";
    }
    if (node instanceof FilterNode filter) {
      return "Filter " + filter.condition();
    }
    if (node instanceof ProjectNode project) {
      StringBuilder text = new StringBuilder("Project ");
      List<Column> columns = project.outputSchema().columns();
      for (int i = 0; i < columns.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(columns.get(i).name()).append('=')
            .append(project.projections().get(i));
      }
      return text.toString();
    }
    if (node instanceof AggregateNode aggregate) {
      return "Aggregate[" + aggregate.step() + "] keys=" + aggregate.groupKeys() + " aggregates="
          + aggregate.aggregates().stream().map(PlanNodePrinter::describe).collect(Collectors.toList())
          + (aggregate.emptyGroupingSetId() == null ? "" : " emptyGroupingSet=" + aggregate.emptyGroupingSetId());
    }
    if (node instanceof SortNode sort) {
      return "Sort " + keys(sort.keys());
    }
    if (node instanceof TopNNode topN) {
      return "TopN " + topN.count() + " " + keys(topN.keys());
    }
    if (node instanceof EnforceSingleRowNode) {
      return "EnforceSingleRow";
    }
    if (node instanceof LimitNode limit) {
      return "Limit offset=" + limit.offset() + " fetch=" + (limit.fetch() < 0 ? "ALL" : limit.fetch());
    }
    if (node instanceof HashJoinNode join) {
      // Children print in order: the probe side first, then the build side.
      return "HashJoin[" + join.joinType() + "] probeKeys=" + join.probeKeys() + " buildKeys="
          + join.buildKeys() + (join.residualCondition() == null ? "" : " residual="
          + join.residualCondition());
    }
    if (node instanceof UnionAllNode union) {
      return "UnionAll inputs=" + union.inputs().size();
    }
    if (node instanceof ExpandNode expand) {
      return "Expand sets=" + expand.sets().stream()
          .map(set -> set.groupingId() + ":null" + set.nulledColumns()).collect(Collectors.toList());
    }
    if (node instanceof ReplicateNode replicate) {
      return "Replicate count=$" + replicate.countColumn() + " columns=" + replicate.outputColumns();
    }
    if (node instanceof GroupTopNNode groupTopN) {
      return "GroupTopN " + groupTopN.count() + " by " + groupTopN.rank().name().toLowerCase(Locale.ROOT)
          + " partition=" + groupTopN.partitionKeys() + " order=" + keys(groupTopN.orderKeys());
    }
    if (node instanceof WindowNode window) {
      return "Window " + window.describeWindow() + " calls=" + window.calls().stream()
          .map(call -> call.name() + "=" + call.describe()).collect(Collectors.toList());
    }
    return node.getClass().getSimpleName();
  }

  private static String describe(AggregateCall call) {
    return call.name() + "=" + call.function().name().toLowerCase(Locale.ROOT) + "("
        + (call.distinct() ? "DISTINCT " : "")
        + call.arguments().stream().map(index -> "$" + index).collect(Collectors.joining(", "))
        + (call.orderBy().isEmpty() ? "" : " ORDER BY " + keys(call.orderBy())) + ")"
        + (call.hasFilter() ? " FILTER $" + call.filter() : "");
  }

  private static String keys(List<SortKey> keys) {
    return keys.stream()
        .map(key -> "$" + key.column() + (key.ascending() ? " ASC" : " DESC")
            + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String columnNames(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]"));
  }
}
