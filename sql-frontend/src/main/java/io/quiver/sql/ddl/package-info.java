/**
 * Statements besides queries: {@link io.quiver.sql.ddl.DdlParser} recognizes CREATE SCHEMA / TABLE /
 * VIEW, DROP SCHEMA / TABLE / VIEW, INSERT and COPY ahead of the query parser and hands the queries
 * inside them on as text with their positions kept; the engine runs them.
 * {@link io.quiver.sql.ddl.DefaultSchemaQuoting} lets queries write {@code memory.default.t} and
 * {@code system.information_schema.tables} although Calcite reserves DEFAULT and SYSTEM.
 */
package io.quiver.sql.ddl;
