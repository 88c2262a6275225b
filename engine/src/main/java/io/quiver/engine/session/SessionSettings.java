package io.quiver.engine.session;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.scheduler.JobLimits;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a session's options at one moment: what SET gave, else the defaults (from the
 * engine's configuration). Immutable: a statement reads one snapshot from start to end.
 */
public final class SessionSettings {

  private final QuiverConfig config;
  private final Map<SessionOption, Object> values;

  /** Every option at its default. */
  public SessionSettings(QuiverConfig config) {
    this(config, new EnumMap<>(SessionOption.class));
  }

  private SessionSettings(QuiverConfig config, Map<SessionOption, Object> values) {
    this.config = config;
    this.values = values;
  }

  /** The option's value: what SET gave it, else its default. */
  public Object get(SessionOption option) {
    Object value = values.get(option);
    return value != null ? value : option.defaultValue(config);
  }

  /** Whether SET gave the option a value (SHOW SESSION says so). */
  public boolean isSet(SessionOption option) {
    return values.containsKey(option);
  }

  /** The option's value as SHOW writes it. */
  public String text(SessionOption option) {
    return option.format(get(option));
  }

  SessionSettings with(SessionOption option, Object value) {
    Map<SessionOption, Object> changed = new EnumMap<>(SessionOption.class);
    changed.putAll(values);
    changed.put(option, value);
    return new SessionSettings(config, changed);
  }

  SessionSettings reset(SessionOption option) {
    Map<SessionOption, Object> changed = new EnumMap<>(SessionOption.class);
    changed.putAll(values);
    changed.remove(option);
    return new SessionSettings(config, changed);
  }

  SessionSettings resetAll() {
    return new SessionSettings(config);
  }

  /** The current schema: [catalog, schema], or [catalog] when the catalog has no such schema. */
  @SuppressWarnings("unchecked")
  public List<String> schema() {
    return (List<String>) get(SessionOption.SCHEMA);
  }

  /** The schemas searched after the current one: [catalog, schema] each. */
  @SuppressWarnings("unchecked")
  public List<List<String>> searchPath() {
    return (List<List<String>>) get(SessionOption.SEARCH_PATH);
  }

  public int shufflePartitions() {
    return (Integer) get(SessionOption.SHUFFLE_PARTITIONS);
  }

  public ZoneId timeZone() {
    return (ZoneId) get(SessionOption.TIME_ZONE);
  }

  public Duration queryTimeout() {
    return (Duration) get(SessionOption.QUERY_TIMEOUT);
  }

  /** What one statement's jobs may use. */
  public JobLimits jobLimits() {
    long memory = (Long) get(SessionOption.MEMORY_LIMIT);
    int slots = (Integer) get(SessionOption.SLOTS_PER_QUERY);
    return new JobLimits(slots == 0 ? Integer.MAX_VALUE : slots,
        memory >= config.memoryLimitBytes() ? Long.MAX_VALUE : memory, queryTimeout());
  }
}
