package io.quiver.engine.admission;

/**
 * One user's own limits, in place of the engine's per-user ones (from the server's users file).
 *
 * @param maxQueries statements the user runs at once; null for the engine's per-user limit
 * @param memoryBytes what the user's queries may hold together; null for the engine's per-user limit
 */
public record UserLimits(Integer maxQueries, Long memoryBytes) {

  public UserLimits {
    if (maxQueries != null && maxQueries < 0 || memoryBytes != null && memoryBytes < 0) {
      throw new IllegalArgumentException("user limits must not be negative");
    }
  }
}
