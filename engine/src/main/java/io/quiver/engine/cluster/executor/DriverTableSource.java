package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.protocol.ClusterMessages.TableSplitTicket;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.batch.Batches;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import io.quiver.engine.cluster.protocol.ClusterMessages;
import java.util.List;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * On an executor process, reads the tables no connector of the executor can read (memory tables,
 * {@code system.runtime}, {@code information_schema}: they live in the driver's memory): the split
 * is opened on the driver with the driver's own reader and its batches stream to the task over
 * Flight, with Flight's flow control, so the driver holds a few batches of it at a time. Each batch
 * is copied into the task's allocator. The snapshot read is the one the scan was planned against
 * (a memory table's handle names its version).
 */
final class DriverTableSource implements TableDataSource {

  /** Never looked up by name: registered as the executor's fallback. */
  static final String NAME = "driver";

  private final FlightClient driver;

  /** @param driver the executor's client of the driver's cluster port */
  DriverTableSource(FlightClient driver) {
    this.driver = driver;
  }

  @Override
  public String connectorName() {
    return NAME;
  }

  @Override
  public SplitReader open(TableHandle table, List<Integer> columns, RowSchema schema, int split, int splitCount,
      BufferAllocator allocator, int batchSize) {
    TableSplitTicket ticket = new TableSplitTicket(table, columns, schema, split, splitCount,
        batchSize);
    FlightStream stream;
    try {
      stream = driver.getStream(new Ticket(MessageCodec.encode(ticket)));
    } catch (FlightRuntimeException e) {
      throw failed(table, e);
    }
    return new SplitReader() {
      private boolean closed;

      @Override
      public VectorSchemaRoot next() {
        try {
          if (closed || !stream.next()) {
            return null;
          }
          return Batches.copyTo(stream.getRoot(), allocator);
        } catch (FlightRuntimeException e) {
          throw failed(table, e);
        }
      }

      @Override
      public void close() {
        if (closed) {
          return;
        }
        closed = true;
        try {
          stream.close();
        } catch (Exception e) {
          // the task ends anyway; the driver sees the cancelled stream
        }
      }
    };
  }

  /** The driver's own error (table dropped, changed...) with its code when it sent one. */
  private static QuiverException failed(TableHandle table, FlightRuntimeException e) {
    String description = e.status().description();
    return ClusterMessages.undescribe(description == null || description.isEmpty() ? e.getMessage() : description,
        "could not read " + table + " from the driver");
  }
}
