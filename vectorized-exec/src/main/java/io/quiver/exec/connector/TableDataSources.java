package io.quiver.exec.connector;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The data sources an executor can read, by connector name. */
public final class TableDataSources {

  private final Map<String, TableDataSource> sources = new ConcurrentHashMap<>();

  public void register(TableDataSource source) {
    sources.put(source.connectorName(), source);
  }

  public TableDataSource get(String connectorName) {
    TableDataSource source = sources.get(connectorName);
    if (source == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no data source for connector '" + connectorName + "'");
    }
    return source;
  }
}
