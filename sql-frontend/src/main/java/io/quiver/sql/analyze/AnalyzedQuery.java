package io.quiver.sql.analyze;

import java.util.List;
import org.apache.calcite.rel.RelRoot;

/**
 * A validated query as relational algebra, with the names of its result columns.
 *
 * @param relRoot the logical plan and its validated row type
 * @param columnNames one name per result column ({@link ColumnNames}: unnamed expressions named as
 *     PostgreSQL names them)
 */
public record AnalyzedQuery(RelRoot relRoot, List<String> columnNames) {

  public AnalyzedQuery {
    columnNames = List.copyOf(columnNames);
  }
}
