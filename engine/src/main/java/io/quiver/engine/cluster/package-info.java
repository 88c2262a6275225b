/**
 * Standalone cluster mode: executor processes register with the driver, run the tasks it sends,
 * keep their shuffle output and serve it over Arrow Flight. {@code protocol} is what travels between
 * them, {@code driver} the driver's side, {@code executor} the executor process.
 */
package io.quiver.engine.cluster;
