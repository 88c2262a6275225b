package io.quiver.planner;

/**
 * Settings the planner needs from the engine.
 *
 * @param shufflePartitions the partition count of every hash and round-robin exchange
 * @param broadcastThresholdRows a join side estimated at no more rows than this is broadcast
 */
public record PlannerSettings(int shufflePartitions, long broadcastThresholdRows) {
}
