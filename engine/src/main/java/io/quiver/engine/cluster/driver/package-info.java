/**
 * The driver's side of a standalone cluster: the registry of executor processes, scheduling of
 * task attempts onto their slots, heartbeats and executor loss, result fetching.
 */
package io.quiver.engine.cluster.driver;
