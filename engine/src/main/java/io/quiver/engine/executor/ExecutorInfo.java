package io.quiver.engine.executor;

/**
 * One executor as the driver knows it now, for {@code system.runtime.executors}.
 *
 * @param address where it listens ({@code host:port}), or {@code in-process} for the driver's own
 * @param memoryUsedBytes bytes its tasks hold now; -1 where the driver does not know
 * @param memoryLimitBytes the most its tasks may hold; -1 where the driver does not know
 * @param shuffleBytes shuffle output it holds in memory; -1 where the driver does not know
 * @param lastHeartbeatMillis wall-clock time the driver last heard from it
 * @param state {@code ALIVE}, or {@code LOST} for an executor given up (kept for a while)
 */
public record ExecutorInfo(String executorId, String address, int slots, int runningTasks, long memoryUsedBytes,
    long memoryLimitBytes, long shuffleBytes, long lastHeartbeatMillis, String state) {
}
