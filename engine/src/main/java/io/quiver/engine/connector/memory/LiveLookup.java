package io.quiver.engine.connector.memory;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * A Calcite {@link Lookup} that reads a map anew on every call. Calcite's own lookups over a
 * schema cache their name maps, which would hide tables created after the first lookup.
 *
 * @param <E> what the map holds
 * @param <T> what the lookup returns for an entry
 */
final class LiveLookup<E, T> implements Lookup<T> {

  private final Supplier<Map<String, E>> source;
  private final Function<E, T> view;

  /**
   * @param source the map to read now; asked on every call
   * @param view what the lookup returns for an entry of the map
   */
  LiveLookup(Supplier<Map<String, E>> source, Function<E, T> view) {
    this.source = source;
    this.view = view;
  }

  /** A lookup of the map's own entries. */
  static <T> LiveLookup<T, T> of(Supplier<Map<String, T>> source) {
    return new LiveLookup<>(source, Function.identity());
  }

  @Override
  public T get(String name) {
    E entry = source.get().get(name);
    return entry == null ? null : view.apply(entry);
  }

  @Override
  public Named<T> getIgnoreCase(String name) {
    Map<String, E> entries = source.get();
    E exact = entries.get(name);
    if (exact != null) {
      return new Named<>(name, view.apply(exact));
    }
    for (Map.Entry<String, E> entry : entries.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return new Named<>(entry.getKey(), view.apply(entry.getValue()));
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
