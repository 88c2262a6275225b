/**
 * The tpcds catalog: the 24 TPC-DS tables at five scale factors, generated while scanned by the
 * {@code io.trino.tpcds} library (a Java port of the specification's dsdgen). Self-contained: it
 * depends on the connector interfaces, the planner's type mapping and the library, like tpch.
 */
package io.quiver.engine.connector.tpcds;
