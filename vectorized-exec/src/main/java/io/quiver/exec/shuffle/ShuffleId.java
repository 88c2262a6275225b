package io.quiver.exec.shuffle;

/** Names the exchange output of one stage of one job. */
public record ShuffleId(String jobId, int stageId) {
}
