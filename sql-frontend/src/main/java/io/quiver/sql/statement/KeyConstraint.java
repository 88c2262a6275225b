package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A PRIMARY KEY or UNIQUE constraint of CREATE TABLE, written on a column or on the table.
 *
 * @param name the name given with CONSTRAINT name, or null (the engine names it as PostgreSQL does)
 * @param primary true for PRIMARY KEY
 * @param columns the key's columns as written
 * @param pos where the constraint stands
 */
public record KeyConstraint(String name, boolean primary, List<String> columns, SqlParserPos pos) {

  public KeyConstraint {
    columns = List.copyOf(columns);
  }
}
