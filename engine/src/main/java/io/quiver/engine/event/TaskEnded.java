package io.quiver.engine.event;

import io.quiver.exec.error.ErrorCode;

/**
 * A task that started has ended and released its slot and its memory.
 *
 * @param errorCode null when it succeeded
 * @param errorMessage null when it succeeded
 * @param durationNanos from start to end in the slot
 */
public record TaskEnded(String jobId, long timeMillis, int stageId, int partition, int attempt, Outcome outcome,
    long inputRows, long inputBytes, long outputRows, long outputBytes, long durationNanos, ErrorCode errorCode,
    String errorMessage) implements QueryEvent {
}
