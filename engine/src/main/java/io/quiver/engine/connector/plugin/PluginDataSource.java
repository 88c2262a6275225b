package io.quiver.engine.connector.plugin;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorException;
import io.quiver.spi.TableMetadata;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a plugin connector's splits in a task (on the driver in local mode, on any executor process
 * in cluster mode): the split comes from the scan's table handle, the reader from the connector. A
 * batch whose columns are not the ones the scan asked for fails the task.
 */
public final class PluginDataSource implements TableDataSource {

  private final String catalog;
  private final Connector connector;

  public PluginDataSource(String catalog, Connector connector) {
    this.catalog = catalog;
    this.connector = connector;
  }

  @Override
  public String connectorName() {
    return catalog;
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    io.quiver.spi.SplitReader reader;
    try {
      TableMetadata metadata = connector.table(table.schema(), table.table()).orElseThrow(() ->
          new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + table + " is not there any more"));
      reader = connector.reader(metadata, SplitProperties.decode(table.properties(), split), columns, allocator,
          batchSize);
    } catch (ConnectorException e) {
      throw PluginConnectors.toQuiverException(catalog, e);
    }
    return new SplitReader() {
      @Override
      public VectorSchemaRoot next() {
        VectorSchemaRoot batch;
        try {
          batch = reader.next();
        } catch (ConnectorException e) {
          throw PluginConnectors.toQuiverException(catalog, e);
        }
        if (batch != null && batch.getFieldVectors().size() != schema.size()) {
          int got = batch.getFieldVectors().size();
          batch.close();
          throw new QuiverException(ErrorCode.INTERNAL_ERROR, "connector " + catalog + " gave a batch of " + got
              + " columns for a scan of " + schema.size() + " of " + table);
        }
        return batch;
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }
}
