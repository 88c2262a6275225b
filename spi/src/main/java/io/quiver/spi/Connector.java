package io.quiver.spi;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One catalog's tables. The driver calls the metadata methods while it plans (from several threads
 * at once) and {@link #splits} once per planned scan; an executor calls {@link #reader} from its
 * task threads. Implementations are thread-safe. Errors are {@link ConnectorException}s.
 */
public interface Connector extends AutoCloseable {

  /** The schemas of the catalog. */
  List<String> schemaNames();

  /** The tables of a schema; empty for an unknown schema. */
  List<String> tableNames(String schema);

  /** A table's columns; empty when there is no such table. */
  Optional<TableMetadata> table(String schema, String table);

  /** What the planner's cost model may know of a table. */
  default TableStatistics statistics(TableMetadata table) {
    return TableStatistics.UNKNOWN;
  }

  /**
   * The splits of a scan of the whole table: one task reads each. At least one; a split that holds
   * no rows is allowed.
   */
  List<Split> splits(TableMetadata table);

  /** Where this connector's splits can be read. */
  default SplitLocality locality() {
    return SplitLocality.ANYWHERE;
  }

  /**
   * Opens a split for reading on an executor.
   *
   * @param columns the table's column ordinals to read, in output order: the batches hold exactly
   *     these columns, of the types {@link TableMetadata#columns()} declares
   * @param allocator where every batch's buffers come from; the caller owns and closes each batch
   * @param batchSize the most rows a batch may hold
   */
  SplitReader reader(TableMetadata table, Split split, List<Integer> columns, BufferAllocator allocator,
      int batchSize);

  /** Releases what the connector holds; the default holds nothing. */
  @Override
  default void close() {
  }
}
