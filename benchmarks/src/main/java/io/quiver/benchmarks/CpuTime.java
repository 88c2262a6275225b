package io.quiver.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's CPU time and the rows it processed, as JMH secondary results
 * ({@code cpuNanos}, {@code rows}, summed per iteration). On a machine shared with other work the
 * wall-clock score follows the machine's load; {@code cpuNanos / rows} much less so, which is what to
 * compare before and after a change there.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public long cpuNanos;
  public long rows;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    rows = 0;
  }

  /** The current thread's CPU time in nanoseconds. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Adds the CPU time since {@code start} and {@code count} rows. */
  void add(long start, long count) {
    cpuNanos += now() - start;
    rows += count;
  }
}
