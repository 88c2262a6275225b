/** What driver and executors say to each other over Arrow Flight, and how they prove who they are. */
package io.quiver.engine.cluster.protocol;
