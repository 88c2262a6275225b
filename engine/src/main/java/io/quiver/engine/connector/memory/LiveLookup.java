package io.quiver.engine.connector.memory;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.linq4j.function.Predicate1;

/**
 * A Calcite {@link Lookup} that reads a map anew on every call. Calcite's own lookups over a
 * schema cache their name maps, which would hide tables created after the first lookup.
 */
final class LiveLookup<T> implements Lookup<T> {

  private final Supplier<Map<String, T>> source;

  /** @param source the map to read now; asked on every call */
  LiveLookup(Supplier<Map<String, T>> source) {
    this.source = source;
  }

  @Override
  public T get(String name) {
    return source.get().get(name);
  }

  @Override
  public Named<T> getIgnoreCase(String name) {
    Map<String, T> entries = source.get();
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
    for (String name : source.get().keySet()) {
      if (matcher.apply(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
