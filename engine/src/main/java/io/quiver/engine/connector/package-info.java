/**
 * Connectors: each is a catalog for the planner and a data source for the executors. {@code tpch}
 * and {@code tpcds} generate TPC-H and TPC-DS data as it is scanned; {@code memory} holds the tables
 * CREATE TABLE AS makes.
 */
package io.quiver.engine.connector;
