package io.quiver.sql.catalog;

import java.util.List;

/**
 * A view whose names resolve along a search path of several schemas (the path of the session that
 * created it), rather than in one default schema: the validator expands it with these paths.
 */
public interface SearchPathView {

  /** The schema paths, in order: [catalog, schema], [catalog], [] (see the planner's search path). */
  List<List<String>> schemaPaths();
}
