package io.quiver.engine.connector.tpcds;

import io.quiver.exec.type.DataType;

/**
 * One column of a TPC-DS table as Quiver serves it.
 *
 * @param name the column's name, as the specification spells it
 * @param type its SQL type: identifiers BIGINT, integers INTEGER, DECIMAL(p,s), DATE, CHAR(n), VARCHAR(n)
 * @param nullable false for the table's key columns, which the generator never leaves NULL
 */
record TpcdsColumnDefinition(String name, DataType type, boolean nullable) {
}
