package io.quiver.sql.analyze;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * A catalog reader that resolves names along a search path: each of {@code schemaPaths} in order
 * ([catalog, schema] for a schema, [catalog] for partly qualified names, [] for fully qualified
 * ones); the first path under which a name resolves wins (Calcite's resolution, given more than
 * one default path). Records the tables the query converted with it names itself (views are
 * expanded with readers of their own): {@link #tablesRead()}.
 */
public final class SearchPathCatalogReader extends CalciteCatalogReader {

  private final Set<List<String>> tablesRead = Collections.synchronizedSet(new LinkedHashSet<>());

  SearchPathCatalogReader(CalciteSchema rootSchema, List<List<String>> schemaPaths, RelDataTypeFactory typeFactory,
      CalciteConnectionConfig config) {
    super(rootSchema, SqlNameMatchers.withCaseSensitive(config.caseSensitive()), List.copyOf(schemaPaths),
        typeFactory, config);
  }

  /** The SQL-to-relational converter asks for each table a query names here. */
  @Override
  public Prepare.PreparingTable getTableForMember(List<String> names) {
    Prepare.PreparingTable table = super.getTableForMember(names);
    if (table != null) {
      tablesRead.add(List.copyOf(table.getQualifiedName()));
    }
    return table;
  }

  /** The tables and views the converted query named itself, by full name, in the order it named them. */
  public List<List<String>> tablesRead() {
    synchronized (tablesRead) {
      return List.copyOf(tablesRead);
    }
  }
}
