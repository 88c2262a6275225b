package io.quiver.exec.operator.aggregate;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The per-group state of one aggregate call, indexed by group id. Fed a batch at a time with each
 * row's group id; reads either raw argument values (SINGLE, PARTIAL) or intermediate columns
 * (FINAL), as it was created for. {@link #close} releases what the state holds (memory charged to
 * the task allocator, Arrow buffers); it is idempotent.
 */
public interface Accumulator extends AutoCloseable {

  /** Makes room for groups {@code 0..groupCount)}; new groups start empty. */
  void ensureCapacity(int groupCount);

  /** Adds rows {@code 0..rowCount)} of {@code batch}, row i to group {@code groupIds[i]}. */
  void add(VectorSchemaRoot batch, int[] groupIds, int rowCount);

  /** Writes the intermediate columns of groups {@code from..from+count)} (PARTIAL output). */
  void writeIntermediate(List<FieldVector> outputs, int from, int count);

  /** Writes the final values of groups {@code from..from+count)} (SINGLE and FINAL output). */
  void writeFinal(FieldVector output, int from, int count);

  @Override
  default void close() {
  }
}
