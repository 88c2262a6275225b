package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Reads the output another stage wrote through an exchange. Partition {@code p} of this stage reads
 * reduce partition {@code p} from every one of the {@code sourcePartitionCount} map partitions of
 * stage {@code sourceStageId}; when {@code broadcast} is true it reads reduce partition 0, which
 * holds all rows, whatever its own partition.
 */
public record ExchangeSourceNode(int sourceStageId, int sourcePartitionCount, boolean broadcast,
    RowSchema outputSchema) implements PlanNode {

  @Override
  public List<PlanNode> children() {
    return List.of();
  }
}
