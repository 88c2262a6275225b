package io.quiver.engine.event;

import io.quiver.exec.error.ErrorCode;

/**
 * A job ended: every one of its tasks has stopped and its shuffle data is gone.
 *
 * @param errorCode the error that ended it, null when it succeeded
 * @param errorMessage the error's message, null when it succeeded
 * @param durationNanos from submission to the end
 */
public record JobEnded(String jobId, long timeMillis, Outcome outcome, ErrorCode errorCode, String errorMessage,
    long durationNanos) implements QueryEvent {
}
