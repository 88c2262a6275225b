/**
 * The driver: LocalQuiver wires allocator, catalogs, planner, schedulers, executor and shuffle;
 * QueryDriver plans a statement and starts its job.
 */
package io.quiver.engine.driver;
