package io.quiver.engine.catalog;

import io.quiver.engine.connector.CatalogPin;
import io.quiver.sql.analyze.SqlAnalyzer;
import io.quiver.sql.statement.ObjectName;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.schema.Table;

/**
 * Finds the table or view a statement names the way a query would: along the session's search
 * path (see {@link SqlAnalyzer#searchPathReader}), so SHOW COLUMNS, DESCRIBE and SHOW CREATE see
 * what SELECT sees.
 */
public final class TableResolver {

  /** A table found: its full name [catalog, schema, table] and the table. */
  public record Resolved(List<String> qualifiedName, Table table) {
  }

  private final CatalogRegistry catalogs;
  private final SqlAnalyzer analyzer;

  public TableResolver(CatalogRegistry catalogs) {
    this.catalogs = catalogs;
    this.analyzer = new SqlAnalyzer(catalogs.rootSchema());
  }

  /** The table {@code name} resolves to, if any. */
  public Optional<Resolved> resolve(ObjectName name, List<List<String>> schemaPaths) {
    try (CatalogPin pin = catalogs.pinForPlanning()) {
      Prepare.PreparingTable found = analyzer.searchPathReader(schemaPaths, SqlAnalyzer.newTypeFactory())
          .getTable(name.parts());
      if (found == null) {
        return Optional.empty();
      }
      Table table = found.unwrap(Table.class);
      return table == null ? Optional.empty() : Optional.of(new Resolved(found.getQualifiedName(), table));
    }
  }
}
