package io.quiver.exec.fragment.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * One node of a fragment: the part of a physical plan that runs inside a single task. Plain,
 * serializable data; the executor turns it into operators. Children are the node's inputs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TableScanNode.class, name = "tableScan"),
  @JsonSubTypes.Type(value = ValuesNode.class, name = "values"),
  @JsonSubTypes.Type(value = ExchangeSourceNode.class, name = "exchangeSource"),
  @JsonSubTypes.Type(value = FilterNode.class, name = "filter"),
  @JsonSubTypes.Type(value = ProjectNode.class, name = "project"),
  @JsonSubTypes.Type(value = AggregateNode.class, name = "aggregate"),
  @JsonSubTypes.Type(value = SortNode.class, name = "sort"),
  @JsonSubTypes.Type(value = TopNNode.class, name = "topN"),
  @JsonSubTypes.Type(value = LimitNode.class, name = "limit"),
  @JsonSubTypes.Type(value = UnionAllNode.class, name = "unionAll"),
  @JsonSubTypes.Type(value = HashJoinNode.class, name = "hashJoin"),
  @JsonSubTypes.Type(value = ExpandNode.class, name = "expand"),
  @JsonSubTypes.Type(value = ReplicateNode.class, name = "replicate"),
  @JsonSubTypes.Type(value = WindowNode.class, name = "window"),
  @JsonSubTypes.Type(value = GroupTopNNode.class, name = "groupTopN"),
  @JsonSubTypes.Type(value = EnforceSingleRowNode.class, name = "enforceSingleRow"),
})
public sealed interface PlanNode
    permits TableScanNode, ValuesNode, ExchangeSourceNode, FilterNode, ProjectNode, AggregateNode,
        SortNode, TopNNode, LimitNode, UnionAllNode, HashJoinNode,
        ExpandNode, ReplicateNode, WindowNode, GroupTopNNode, EnforceSingleRowNode {

  /** The schema of the batches this node produces. */
  RowSchema outputSchema();

  /** This node's inputs, in order. */
  @JsonIgnore
  List<PlanNode> children();
}
