package io.quiver.engine.connector.memory;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.linq4j.function.Predicate1;

/**
 * A Calcite {@link Lookup} that reads a concurrent map on every call. Calcite's own lookups over a
 * schema cache their name maps, which would hide tables created after the first lookup.
 */
final class LiveLookup<T> implements Lookup<T> {

  private final Map<String, T> entries;

  LiveLookup(Map<String, T> entries) {
    this.entries = entries;
  }

  @Override
  public T get(String name) {
    return entries.get(name);
  }

  @Override
  public Named<T> getIgnoreCase(String name) {
    T exact = entries.get(name);
    if (exact != null) {
      return new Named<>(name, exact);
    }
    for (Map.Entry<String, T> entry : entries.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return new Named<>(entry.getKey(), entry.getValue());
      }
    }
    return null;
  }

  @Override
  public Set<String> getNames(LikePattern pattern) {
    Predicate1<String> matcher = pattern.matcher();
    Set<String> names = new LinkedHashSet<>();
    for (String name : entries.keySet()) {
      if (matcher.apply(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
