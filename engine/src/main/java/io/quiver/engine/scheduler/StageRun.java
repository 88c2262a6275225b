package io.quiver.engine.scheduler;

import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stage of a running job, partition by partition: where each partition's output lives (null
 * while it is missing), which partitions run now, and how often each was tried. Output that is lost
 * with its executor goes back to missing, so the partition runs again. Guarded by its job's lock.
 */
final class StageRun {

  final StageFragment fragment;
  final boolean isResult;
  final List<StageRun> consumers = new ArrayList<>();
  final String[] outputLocation;
  final MapOutputStatistics[] statistics;
  final boolean[] running;
  final int[] nextAttempt;
  final int[] failures;
  final int[] fetchFailures;
  final List<Set<String>> failedOn;
  StageProgress progress;
  boolean submitted;
  boolean completedOnce;

  StageRun(StageFragment fragment, boolean isResult) {
    this.fragment = fragment;
    this.isResult = isResult;
    int partitions = fragment.partitionCount();
    this.outputLocation = new String[partitions];
    this.statistics = new MapOutputStatistics[partitions];
    this.running = new boolean[partitions];
    this.nextAttempt = new int[partitions];
    this.failures = new int[partitions];
    this.fetchFailures = new int[partitions];
    this.failedOn = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      failedOn.add(new HashSet<>());
    }
  }

  int stageId() {
    return fragment.stageId();
  }

  int partitionCount() {
    return outputLocation.length;
  }

  /** Every partition's output exists. */
  boolean isAvailable() {
    for (String location : outputLocation) {
      if (location == null) {
        return false;
      }
    }
    return true;
  }

  boolean isRunning() {
    for (boolean task : running) {
      if (task) {
        return true;
      }
    }
    return false;
  }

  /** Where each map partition's output lives, in partition order. */
  List<String> locations() {
    return List.of(outputLocation.clone());
  }
}
