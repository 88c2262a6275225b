package io.quiver.planner;

import java.time.ZoneId;

/**
 * Settings the planner needs from the engine and the session.
 *
 * @param shufflePartitions the partition count of every hash and round-robin exchange
 * @param broadcastThresholdRows a join side estimated at no more rows than this is broadcast
 * @param timeZone the zone in which CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP read the clock
 */
public record PlannerSettings(int shufflePartitions, long broadcastThresholdRows, ZoneId timeZone) {

  /** Settings in the JVM's time zone. */
  public PlannerSettings(int shufflePartitions, long broadcastThresholdRows) {
    this(shufflePartitions, broadcastThresholdRows, ZoneId.systemDefault());
  }
}
