/**
 * The {@code system} catalog: schema {@code information_schema} (schemata, tables, columns, views),
 * which lists every catalog's objects as they are when it is read. Also reachable as
 * {@code information_schema.*} from any session schema.
 */
package io.quiver.engine.connector.system;
