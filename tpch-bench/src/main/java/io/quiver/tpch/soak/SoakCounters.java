package io.quiver.tpch.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the soak clients did and what went wrong; thread-safe. */
final class SoakCounters {

  private final AtomicLong tpchQueries = new AtomicLong();
  private final AtomicLong tableCycles = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong finishedBeforeCancel = new AtomicLong();
  private final List<Long> tpchNanos = Collections.synchronizedList(new ArrayList<>());
  private final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failedSessions = Collections.synchronizedList(new ArrayList<>());
  private final PrintStream log;

  SoakCounters(PrintStream log) {
    this.log = log;
  }

  void tpch(long nanos) {
    tpchQueries.incrementAndGet();
    tpchNanos.add(nanos);
  }

  void tableCycle() {
    tableCycles.incrementAndGet();
  }

  void cancel(boolean stopped) {
    (stopped ? cancelled : finishedBeforeCancel).incrementAndGet();
  }

  void wrongAnswer(String what) {
    wrongAnswers.add(what);
    log.println("WRONG ANSWER " + what);
  }

  void failedSession(String who, Throwable failure) {
    failedSessions.add(who + ": " + failure);
    log.println("FAILED SESSION " + who + ": " + failure);
  }

  long operations() {
    return tpchQueries.get() + tableCycles.get() + cancelled.get() + finishedBeforeCancel.get();
  }

  List<String> wrongAnswers() {
    return List.copyOf(wrongAnswers);
  }

  List<String> failedSessions() {
    return List.copyOf(failedSessions);
  }

  void print(PrintStream out) {
    List<Long> sorted;
    synchronized (tpchNanos) {
      sorted = new ArrayList<>(tpchNanos);
    }
    Collections.sort(sorted);
    out.printf("TPC-H queries: %d checked (p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms)%n", tpchQueries.get(),
        percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), percentile(sorted, 1.0));
    out.printf("DDL/DML cycles (CREATE TABLE AS, INSERT, checked count and sum, DROP): %d%n", tableCycles.get());
    out.printf("cancels: %d stopped with 57014, %d finished first%n", cancelled.get(), finishedBeforeCancel.get());
    out.printf("wrong answers: %d%n", wrongAnswers.size());
    wrongAnswers().forEach(line -> out.println("  " + line));
    out.printf("failed sessions: %d%n", failedSessions.size());
    failedSessions().forEach(line -> out.println("  " + line));
  }

  private static double percentile(List<Long> sorted, double fraction) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
