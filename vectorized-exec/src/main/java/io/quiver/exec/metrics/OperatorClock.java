package io.quiver.exec.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clock of one task's operators, used on the task's thread only. Every metered operator call
 * ends with {@link #charge}, which gives the operator the wall and CPU time since the previous
 * charge (the previous call's end, or {@link #start}). Calls nested in a call (the build pipeline a
 * hash join drives, the inputs a union drains) charge their own operators as they end, so each
 * operator is charged only its own time, with one clock reading per call.
 *
 * <p>Reading the thread's CPU clock is not always cheap: about 4 µs a read was measured on the
 * sandboxed machines this engine is developed on, against 0.1-0.2 µs for {@code System.nanoTime},
 * too much to pay twice for every call of an operator that returns at once. So the CPU clock is
 * read only once at least {@link #CPU_READ_INTERVAL_NANOS} of wall time went by since its last
 * reading: the calls in between are charged their wall time as CPU time (calls that short on one
 * thread did not wait), and the call that ends the interval gets what the reading shows beyond
 * that. Over a task the CPU times add up to what the thread really used; a single short call may
 * be off by its waiting time.
 */
public final class OperatorClock {

  /** Wall time between two readings of the thread's CPU clock, at least. */
  static final long CPU_READ_INTERVAL_NANOS = 100_000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_CLOCK = cpuClockAvailable();

  private long lastWall;
  private long lastCpu;
  private long cpuChargedSinceRead;
  private long wallSinceRead;

  /** Starts the clock on the task's thread: the first call is charged from now. */
  public void start() {
    lastWall = System.nanoTime();
    lastCpu = threadCpuNanos();
    cpuChargedSinceRead = 0;
    wallSinceRead = 0;
  }

  /** Charges the time since the previous charge to {@code meter}. */
  public void charge(OperatorMeter meter) {
    long now = System.nanoTime();
    long wall = now - lastWall;
    lastWall = now;
    meter.wallNanos += wall;
    if (!CPU_CLOCK) {
      return;
    }
    wallSinceRead += wall;
    if (wallSinceRead < CPU_READ_INTERVAL_NANOS) {
      meter.cpuNanos += wall;
      cpuChargedSinceRead += wall;
      return;
    }
    long cpu = threadCpuNanos();
    meter.cpuNanos += Math.max(0, cpu - lastCpu - cpuChargedSinceRead);
    lastCpu = cpu;
    cpuChargedSinceRead = 0;
    wallSinceRead = 0;
  }

  /** CPU time of the calling thread, or 0 where the JVM cannot measure it. */
  public static long threadCpuNanos() {
    return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static boolean cpuClockAvailable() {
    try {
      if (!THREADS.isCurrentThreadCpuTimeSupported()) {
        return false;
      }
      if (!THREADS.isThreadCpuTimeEnabled()) {
        THREADS.setThreadCpuTimeEnabled(true);
      }
      return THREADS.getCurrentThreadCpuTime() >= 0;
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
