package io.quiver.jdbc.fake;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.EventBus;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.metadata.ColumnInfo;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.exec.type.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A hand-written engine for testing the driver's own mechanics (frames, types, cancel, errors)
 * independently of the real engine. Its sessions understand a few canned statements (see
 * {@link FakeSession}); its catalog is a small fixed one. Closing it fails on leaked buffers.
 */
public final class FakeQuiver implements Quiver {

  final BufferAllocator allocator = new RootAllocator();
  final AtomicInteger openResults = new AtomicInteger();
  final java.util.concurrent.atomic.AtomicLong rowsProduced = new java.util.concurrent.atomic.AtomicLong();

  @Override
  public QuiverConfig config() {
    return QuiverConfig.defaults();
  }

  @Override
  public Session openSession() {
    return new FakeSession(this);
  }

  /** Results not yet closed, over all sessions. */
  public int openResults() {
    return openResults.get();
  }

  /** Rows all results have made so far (a streaming reader keeps this near what it read). */
  public long rowsProduced() {
    return rowsProduced.get();
  }

  @Override
  public CatalogMetadata metadata() {
    return new CatalogMetadata() {
      @Override
      public List<String> catalogs() {
        return List.of("system", "tpch");
      }

      @Override
      public List<String> schemas(String catalog) {
        return catalog.equals("tpch") ? List.of("sf1", "tiny") : List.of("runtime");
      }

      @Override
      public List<TableInfo> tables(String catalog, String schema) {
        if (catalog.equals("system")) {
          return List.of(new TableInfo(catalog, schema, "queries", "SYSTEM TABLE", List.of(
              new ColumnInfo("query_id", DataType.VARCHAR, false, 1),
              new ColumnInfo("state", DataType.varchar(10), true, 2))));
        }
        return List.of(
            new TableInfo(catalog, schema, "nation", "TABLE", List.of(
                new ColumnInfo("n_nationkey", DataType.BIGINT, false, 1),
                new ColumnInfo("n_name", DataType.varchar(25), false, 2),
                new ColumnInfo("n_regionkey", DataType.BIGINT, false, 3),
                new ColumnInfo("n_comment", DataType.varchar(152), false, 4))),
            new TableInfo(catalog, schema, "orders", "TABLE", List.of(
                new ColumnInfo("o_orderkey", DataType.BIGINT, false, 1),
                new ColumnInfo("o_orderstatus", DataType.character(1), false, 2),
                new ColumnInfo("o_totalprice", DataType.decimal(15, 2), false, 3),
                new ColumnInfo("o_orderdate", DataType.DATE, false, 4))),
            new TableInfo(catalog, schema, "order_view", "VIEW", List.of(
                new ColumnInfo("o_orderkey", DataType.BIGINT, true, 1))));
      }
    };
  }

  @Override
  public EventBus events() {
    return new EventBus() {
      @Override
      public void subscribe(EventListener listener) {
      }

      @Override
      public void unsubscribe(EventListener listener) {
      }

      @Override
      public void post(QueryEvent event) {
      }
    };
  }

  @Override
  public void close() {
    allocator.close();
  }
}
