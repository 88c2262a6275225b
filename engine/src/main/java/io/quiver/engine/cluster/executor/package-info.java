/**
 * The executor process: registers with the driver, heartbeats, runs the tasks it is sent in its
 * slots, keeps their shuffle output and serves it over Arrow Flight.
 */
package io.quiver.engine.cluster.executor;
