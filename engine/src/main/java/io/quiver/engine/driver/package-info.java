/**
 * The driver: LocalQuiver wires allocator, catalogs (tpch and memory), planner, schedulers,
 * executor and shuffle; QueryDriver runs a statement: DDL through the
 * {@link io.quiver.engine.ddl.DdlExecutor}, queries by planning them and starting their job.
 */
package io.quiver.engine.driver;
