package io.quiver.engine.event;

/**
 * An executor process of the cluster is gone while this job ran: its running tasks run again
 * elsewhere and the job's map output it held is recomputed.
 */
public record ExecutorLost(String jobId, long timeMillis, String executorId, String reason) implements QueryEvent {
}
