package io.quiver.benchmarks;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The input of the kernel benchmarks: {@value #BATCHES} lineitem-shaped batches of
 * {@value #BATCH_ROWS} rows (the engine's default batch size), made once per trial. Each benchmark
 * method processes all of them once and declares {@link #ROWS} operations, so JMH's throughput is
 * rows per time unit.
 */
@State(Scope.Benchmark)
public class KernelState {

  static final int BATCHES = 64;
  static final int BATCH_ROWS = 8192;
  static final int ROWS = BATCHES * BATCH_ROWS;

  BufferAllocator allocator;
  List<VectorSchemaRoot> batches;

  @Setup(Level.Trial)
  public void generate() {
    allocator = new RootAllocator();
    batches = LineitemBatches.generate(allocator, BATCHES, BATCH_ROWS, 42);
  }

  @TearDown(Level.Trial)
  public void release() {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
  }
}
