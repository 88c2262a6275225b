package io.quiver.exec.operator.source;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.task.TaskMetrics;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads split {@code split} of a table through its connector's {@link TableDataSource}. */
public final class TableScanOperator extends BatchReaderOperator<SplitReader> {

  public TableScanOperator(TableDataSource source, TableScanNode scan, int split, BufferAllocator allocator,
      int batchSize, TaskMetrics metrics) {
    super(() -> source.open(scan.table(), scan.columns(), scan.outputSchema(), split, scan.splitCount(),
        allocator, batchSize), metrics == null ? null : metrics::addTableInput);
  }

  @Override
  VectorSchemaRoot next(SplitReader reader) {
    return reader.next();
  }
}
