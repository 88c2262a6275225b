package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A FOREIGN KEY constraint of CREATE TABLE: {@code [CONSTRAINT name] FOREIGN KEY (columns)
 * REFERENCES table [(columns)]} on the table, or {@code REFERENCES table [(column)]} on a column.
 * Quiver records it and reports it; it does not enforce it.
 *
 * @param name the name given with CONSTRAINT name, or null
 * @param columns the referencing columns as written
 * @param referenced the referenced table as written
 * @param referencedColumns the referenced columns, or empty for the referenced table's primary key
 * @param onUpdate the ON UPDATE action as written ("NO ACTION" when none was)
 * @param onDelete the ON DELETE action as written ("NO ACTION" when none was)
 * @param pos where the constraint stands
 */
public record ForeignKeyConstraint(String name, List<String> columns, ObjectName referenced,
    List<String> referencedColumns, String onUpdate, String onDelete, SqlParserPos pos) {

  public ForeignKeyConstraint {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }
}
