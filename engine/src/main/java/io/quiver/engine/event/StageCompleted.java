package io.quiver.engine.event;

/**
 * A stage ended: every task succeeded, or the job failed or was cancelled while the stage ran.
 *
 * @param inputRows rows its tasks read (from scans and exchanges)
 * @param outputRows rows its tasks wrote (to the exchange or the result)
 * @param durationNanos from submission to the end
 */
public record StageCompleted(String jobId, long timeMillis, int stageId, Outcome outcome, int taskCount,
    long inputRows, long inputBytes, long outputRows, long outputBytes, long durationNanos) implements QueryEvent {
}
