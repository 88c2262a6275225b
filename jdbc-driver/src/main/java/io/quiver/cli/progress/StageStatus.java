package io.quiver.cli.progress;

/**
 * The tasks of one running stage, as its progress bar shows them.
 *
 * @param stageId the stage's number within its job
 * @param totalTasks one per partition
 * @param completedTasks tasks that succeeded
 * @param runningTasks tasks in an executor slot now
 */
public record StageStatus(int stageId, int totalTasks, int completedTasks, int runningTasks) {
}
