package io.quiver.exec.connector;

import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads the data of one connector's tables on an executor. Registered under the connector's name in
 * {@link TableDataSources}; looked up from a {@link TableHandle} in a scan fragment.
 */
public interface TableDataSource {

  /** The connector name that {@link TableHandle#connector()} refers to. */
  String connectorName();

  /**
   * Opens split {@code split} of {@code splitCount} of a table.
   *
   * @param table the table
   * @param columns the table column ordinals to read, in output order
   * @param schema the schema of the batches to produce (one column per entry of {@code columns})
   * @param split which split, 0-based
   * @param splitCount how many splits the planner cut the table into
   * @param allocator where the batches' buffers come from
   * @param batchSize the most rows a batch may hold
   */
  SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize);
}
