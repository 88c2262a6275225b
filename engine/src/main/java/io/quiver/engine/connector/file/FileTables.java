package io.quiver.engine.connector.file;

import io.quiver.exec.task.ResultSink;
import io.quiver.exec.type.Column;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;

/**
 * Tables and query results kept in files (Parquet, CSV, Arrow IPC) under the engine's configured
 * data directories. The SQL layer (the DDL executor, the catalog, table functions) calls it; the
 * file connector implements it. Every method first checks that the location lies inside a data
 * directory (after resolving {@code ..} and symbolic links) and refuses it otherwise, before
 * anything is read or written. Errors are {@code QuiverException}s that name the file.
 */
public interface FileTables {

  /** The connector name that scans of file tables carry; its data source is registered under it. */
  String CONNECTOR_NAME = "file";

  /**
   * Opens files as a table that can be registered in a schema and scanned.
   *
   * @param declaredColumns the columns a CREATE TABLE listed; empty to take them from the files
   *     (Parquet and Arrow carry a schema; CSV infers types from a sample)
   * @return a table whose scans read the files as they are when the scan is planned
   */
  ConnectorTable open(String schemaName, String tableName, FileSource source, List<Column> declaredColumns);

  /**
   * Writes a query's result into {@code target}, one file per partition, and commits atomically: a
   * failed or cancelled write leaves no partial file visible and the previous contents intact.
   *
   * @param query a planned query (kind QUERY)
   * @param jobs runs the query's job to its end, its result stage feeding the given sink
   * @return the number of rows written
   */
  long write(FileSource target, PlannedStatement query, WriteMode mode, JobRunner jobs);

  /** Runs a planned query as one job and waits for it; throws the job's error. */
  @FunctionalInterface
  interface JobRunner {
    void run(PlannedStatement query, ResultSink sink);
  }
}
