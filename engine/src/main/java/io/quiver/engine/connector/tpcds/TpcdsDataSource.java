package io.quiver.engine.connector.tpcds;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Generates TPC-DS rows into Arrow batches on an executor. Thread-safe (it holds no state). */
public final class TpcdsDataSource implements TableDataSource {

  @Override
  public String connectorName() {
    return TpcdsConnector.NAME;
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    TpcdsTableDefinition definition = TpcdsTables.byName(table.table());
    if (definition == null) {
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "no TPC-DS table '" + table.table() + "'");
    }
    double scaleFactor = scaleFactor(table);
    if (splitCount < 1 || split < 0 || split >= splitCount) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "split " + split + " of " + splitCount + " does not exist for " + table);
    }
    if (splitCount > 1 && !definition.splittable()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, table + " keeps history and cannot be read in "
          + splitCount + " splits");
    }
    if (batchSize < 1) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "batch size must be at least 1, was " + batchSize);
    }
    if (columns.size() != schema.size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "scan of " + table + " reads " + columns.size()
          + " columns but its schema has " + schema.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      int column = columns.get(i);
      if (column < 0 || column >= definition.columns().size()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no column " + column + " in " + table);
      }
      if (!definition.columns().get(column).type().equals(schema.column(i).type())) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "column " + definition.columns().get(column).name()
            + " of " + table + " is " + definition.columns().get(column).type() + ", not "
            + schema.column(i).type());
      }
    }
    return new TpcdsSplitReader(definition, scaleFactor, split, splitCount, columns, schema, allocator, batchSize);
  }

  private static double scaleFactor(TableHandle table) {
    String property = table.properties().get(TpcdsConnectorTable.SCALE_FACTOR_PROPERTY);
    if (property != null) {
      try {
        return Double.parseDouble(property);
      } catch (NumberFormatException e) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "bad scale factor '" + property + "' for " + table, e);
      }
    }
    Double bySchema = TpcdsConnector.SCALE_FACTORS.get(table.schema());
    if (bySchema == null) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "no TPC-DS schema '" + table.schema() + "'");
    }
    return bySchema;
  }
}
