/**
 * Data definition statements: {@link io.quiver.sql.ddl.DdlParser} recognizes CREATE SCHEMA,
 * CREATE TABLE ... AS query, DROP TABLE and DROP SCHEMA ahead of the query parser and hands the
 * query of CREATE TABLE AS on as text with its positions kept; the engine runs them.
 * {@link io.quiver.sql.ddl.DefaultSchemaQuoting} lets queries write {@code memory.default.t} although
 * Calcite reserves DEFAULT.
 */
package io.quiver.sql.ddl;
