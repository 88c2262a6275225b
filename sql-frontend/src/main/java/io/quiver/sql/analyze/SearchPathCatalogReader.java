package io.quiver.sql.analyze;

import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * A catalog reader that resolves names along a search path: each of {@code schemaPaths} in order
 * ([catalog, schema] for a schema, [catalog] for partly qualified names, [] for fully qualified
 * ones); the first path under which a name resolves wins (Calcite's resolution, given more than
 * one default path).
 */
public final class SearchPathCatalogReader extends CalciteCatalogReader {

  SearchPathCatalogReader(CalciteSchema rootSchema, List<List<String>> schemaPaths, RelDataTypeFactory typeFactory,
      CalciteConnectionConfig config) {
    super(rootSchema, SqlNameMatchers.withCaseSensitive(config.caseSensitive()), List.copyOf(schemaPaths),
        typeFactory, config);
  }
}
