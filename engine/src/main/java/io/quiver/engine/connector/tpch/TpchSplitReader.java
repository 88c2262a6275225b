package io.quiver.engine.connector.tpch;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.type.RowSchema;
import io.trino.tpch.TpchEntity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one split of a TPC-H table: part {@code split + 1} of {@code splitCount} of the library's
 * generator (its parts are 1-based). Gathers up to a batch of generated rows, then fills each
 * requested column in one loop.
 */
final class TpchSplitReader<E extends TpchEntity> implements SplitReader {

  private final Iterator<E> rows;
  private final List<TpchColumnValues<E>> columns;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final E[] batchRows;
  private boolean closed;

  @SuppressWarnings("unchecked")
  TpchSplitReader(TpchTableDefinition<E> definition, double scaleFactor, int split, int splitCount,
      List<Integer> columnOrdinals, RowSchema schema, BufferAllocator allocator, int batchSize) {
    this.rows = definition.generator().createGenerator(scaleFactor, split + 1, splitCount).iterator();
    this.columns = columnOrdinals.stream().map(ordinal -> definition.columns().get(ordinal).values()).toList();
    this.arrowSchema = schema.toArrowSchema();
    this.allocator = allocator;
    this.batchRows = (E[]) new TpchEntity[batchSize];
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      return null;
    }
    int count = 0;
    while (count < batchRows.length && rows.hasNext()) {
      batchRows[count++] = rows.next();
    }
    if (count == 0) {
      close();
      return null;
    }
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (int i = 0; i < columns.size(); i++) {
        columns.get(i).fill(batchRows, count, batch.getVector(i));
      }
      batch.setRowCount(count);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    } finally {
      Arrays.fill(batchRows, 0, count, null);
    }
    return batch;
  }

  @Override
  public void close() {
    closed = true;
  }
}
