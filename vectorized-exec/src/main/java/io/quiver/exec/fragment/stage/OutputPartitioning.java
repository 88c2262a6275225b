package io.quiver.exec.fragment.stage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Where a stage's output rows go: into an exchange that partitions them for a consuming stage, or,
 * for the last stage of a job, to the driver as the query result.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "partitioning")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutputPartitioning.Hash.class, name = "hash"),
  @JsonSubTypes.Type(value = OutputPartitioning.Single.class, name = "single"),
  @JsonSubTypes.Type(value = OutputPartitioning.Broadcast.class, name = "broadcast"),
  @JsonSubTypes.Type(value = OutputPartitioning.RoundRobin.class, name = "roundRobin"),
  @JsonSubTypes.Type(value = OutputPartitioning.Result.class, name = "result"),
})
public sealed interface OutputPartitioning {

  /** How many reduce partitions the exchange writes (what the shuffle writer is opened with). */
  int reducePartitionCount();

  /** Rows go to partition hash(keys) mod partitionCount; the hash is the executor's, the same for every stage. */
  record Hash(List<Integer> keys, int partitionCount) implements OutputPartitioning {
    public Hash {
      keys = List.copyOf(keys);
    }

    @Override
    public int reducePartitionCount() {
      return partitionCount;
    }
  }

  /** All rows to one partition (gather). */
  record Single() implements OutputPartitioning {
    @Override
    public int reducePartitionCount() {
      return 1;
    }
  }

  /** Every row to every consumer: written once to reduce partition 0, read by every consumer task. */
  record Broadcast() implements OutputPartitioning {
    @Override
    public int reducePartitionCount() {
      return 1;
    }
  }

  /** Rows dealt out evenly over {@code partitionCount} partitions. */
  record RoundRobin(int partitionCount) implements OutputPartitioning {
    @Override
    public int reducePartitionCount() {
      return partitionCount;
    }
  }

  /** The stage's rows are the query result, sent to the driver. Only the result stage has it. */
  record Result() implements OutputPartitioning {
    @Override
    public int reducePartitionCount() {
      return 1;
    }
  }
}
