package io.quiver.exec.task;

/** One attempt at running one partition of one stage of one job. */
public record TaskId(String jobId, int stageId, int partition, int attempt) {

  @Override
  public String toString() {
    return jobId + "." + stageId + "." + partition + "." + attempt;
  }
}
