package io.quiver.engine.connector.tpcds;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.type.RowSchema;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Generates one split of a TPC-DS table: the generator rows {@link TpcdsSplits#range} gives it,
 * through the library's {@link Results} (which skips its random streams to the first row), a batch
 * of rows at a time, each requested column converted by {@link TpcdsValues}.
 */
final class TpcdsSplitReader implements SplitReader {

  private final TpcdsTableDefinition definition;
  private final Iterator<List<List<String>>> rows;
  private final List<Integer> columns;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final List<List<String>> batchRows;
  private boolean closed;

  TpcdsSplitReader(TpcdsTableDefinition definition, double scaleFactor, int split, int splitCount,
      List<Integer> columns, RowSchema schema, BufferAllocator allocator, int batchSize) {
    this.definition = definition;
    long[] range = TpcdsSplits.range(definition.generatorRows(scaleFactor), split, splitCount);
    Session session = Session.getDefaultSession().withScale(scaleFactor).withTable(definition.generator());
    this.rows = range[0] > range[1] ? java.util.Collections.emptyIterator()
        : Results.constructResults(definition.generator(), range[0], range[1], session).iterator();
    this.columns = List.copyOf(columns);
    this.arrowSchema = schema.toArrowSchema();
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.batchRows = new ArrayList<>(batchSize);
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      return null;
    }
    batchRows.clear();
    while (batchRows.size() < batchSize && rows.hasNext()) {
      // The generator's row for this table; the list holds more only for a parent with children,
      // and every table is read through its own generator.
      batchRows.add(rows.next().get(0));
    }
    if (batchRows.isEmpty()) {
      close();
      return null;
    }
    int count = batchRows.size();
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (int i = 0; i < columns.size(); i++) {
        int column = columns.get(i);
        TpcdsValues.fill(batch.getVector(i), definition.columns().get(column).type(), batchRows, count, column);
      }
      batch.setRowCount(count);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    return batch;
  }

  @Override
  public void close() {
    closed = true;
    batchRows.clear();
  }
}
