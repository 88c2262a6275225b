package io.quiver.engine.connector.file;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;

/** (Placeholder until the file connector lands.) Refuses every file operation. */
public final class UnavailableFileTables implements FileTables {

  @Override
  public ConnectorTable open(String schemaName, String tableName, FileSource source, List<Column> declaredColumns) {
    throw unavailable(source);
  }

  @Override
  public long write(FileSource target, PlannedStatement query, WriteMode mode, JobRunner jobs) {
    throw unavailable(target);
  }

  private static QuiverException unavailable(FileSource source) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, "files in format '" + source.format()
        + "' are not supported yet (" + source.location() + ")");
  }
}
