package io.quiver.engine.cluster.executor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Shuffle traffic of one executor since it started: what its tasks read, what it served. */
final class ShuffleCounters {

  final AtomicLong remoteBytesFetched = new AtomicLong();
  final AtomicLong localBytesRead = new AtomicLong();
  final AtomicInteger openStreams = new AtomicInteger();
}
