package io.quiver.exec.operator.window;

/**
 * Computes one window call over a chunk of whole partitions. Implementations loop over primitive
 * arrays the chunk provides (bounds, argument values) and hand the results to {@link ChunkOutput}
 * in one call; they keep no state between chunks.
 */
interface WindowEvaluator {

  void evaluate(WindowChunk chunk, ChunkOutput output);
}
