/**
 * Statements besides queries: CREATE / DROP SCHEMA, CREATE TABLE (columns, over files, AS query),
 * CREATE / DROP VIEW, DROP TABLE, INSERT and COPY, run against the one writable catalog (memory)
 * and, for files, through {@link io.quiver.engine.connector.file.FileTables}.
 * {@link io.quiver.engine.ddl.DdlExecutor} dispatches; {@link io.quiver.engine.ddl.InsertExecutor}
 * converts and stores rows by {@link io.quiver.engine.ddl.AssignmentRules}.
 */
package io.quiver.engine.ddl;
