package io.quiver.engine.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a session's names resolve, in order, as the planner's schema paths: for a name without a
 * schema, the session's temporary schema (if it has one), the current schema, then each schema of
 * the search path; for {@code schema.name}, the schema in the catalog of each of those; a name of
 * three parts is {@code catalog.schema.name}. The first place that has the name wins; a schema
 * that does not exist (any more) is skipped.
 */
final class SearchPath {

  private SearchPath() {
  }

  /**
   * @param temporary the session's temporary schema as [catalog, schema]; null for none
   * @param current the current schema, [catalog, schema] or [catalog]
   * @param searched the search path's schemas, [catalog, schema] each
   */
  static List<List<String>> schemaPaths(List<String> temporary, List<String> current, List<List<String>> searched) {
    Set<List<String>> schemas = new LinkedHashSet<>();
    if (temporary != null) {
      schemas.add(temporary);
    }
    if (current.size() == 2) {
      schemas.add(current);
    }
    schemas.addAll(searched);
    Set<List<String>> catalogs = new LinkedHashSet<>();
    catalogs.add(List.of(current.get(0)));
    for (List<String> schema : schemas) {
      catalogs.add(List.of(schema.get(0)));
    }
    List<List<String>> paths = new ArrayList<>(schemas);
    paths.addAll(catalogs);
    paths.add(List.of());
    return paths;
  }
}
