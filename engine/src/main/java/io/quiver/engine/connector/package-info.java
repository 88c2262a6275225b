/**
 * Connectors: each is a catalog for the planner and a data source for the executors.
 */
package io.quiver.engine.connector;
