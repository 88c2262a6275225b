/**
 * Data definition statements: CREATE SCHEMA, CREATE TABLE AS, DROP TABLE, DROP SCHEMA, run against
 * the connectors that accept them (the memory catalog).
 */
package io.quiver.engine.ddl;
