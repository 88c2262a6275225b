package io.quiver.exec.shuffle.local;

/** Addresses one map task's output: (job, stage, map partition). */
record MapOutputKey(String jobId, int stageId, int mapPartition) {
  @Override
  public String toString() {
    return "job " + jobId + " stage " + stageId + " map partition " + mapPartition;
  }
}
