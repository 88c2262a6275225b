package io.quiver.exec.function;

import io.quiver.exec.function.library.BuiltinFamilies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every function Quiver knows, by name and alias (case-insensitive). Immutable and shared; the
 * executor resolves the function of a fragment's call here by its stable name.
 */
public final class FunctionRegistry {

  private static final FunctionRegistry BUILT_IN = new FunctionRegistry(BuiltinFamilies.all());

  private final List<FunctionDefinition> definitions;
  private final Map<String, FunctionDefinition> byName = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when two definitions claim one name
   */
  public FunctionRegistry(List<FunctionFamily> families) {
    List<FunctionDefinition> all = new ArrayList<>();
    for (FunctionFamily family : families) {
      for (FunctionDefinition definition : family.definitions()) {
        for (String name : definition.names()) {
          FunctionDefinition previous = byName.putIfAbsent(name, definition);
          if (previous != null) {
            throw new IllegalArgumentException("function name " + name + " is defined twice: by "
                + previous.name() + " and by " + definition.name());
          }
        }
        all.add(definition);
      }
    }
    all.sort(Comparator.comparing(FunctionDefinition::name));
    this.definitions = Collections.unmodifiableList(all);
  }

  /** The functions Quiver ships. */
  public static FunctionRegistry builtIn() {
    return BUILT_IN;
  }

  /** Every built-in definition, sorted by name: what {@code SHOW FUNCTIONS} lists. */
  public static List<FunctionDefinition> all() {
    return BUILT_IN.definitions();
  }

  public List<FunctionDefinition> definitions() {
    return definitions;
  }

  /** The definition of a name or alias, in any case. */
  public Optional<FunctionDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
  }

  /** Every name and alias, upper case, sorted. */
  public List<String> names() {
    List<String> names = new ArrayList<>(byName.keySet());
    Collections.sort(names);
    return names;
  }

  /**
   * Names of functions that the user may have meant by {@code name}: those within a small edit
   * distance, closest first (at most {@code limit}).
   */
  public List<String> closestNames(String name, int limit) {
    String wanted = name.toUpperCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
    List<Map.Entry<String, Integer>> scored = new ArrayList<>();
    for (Map.Entry<String, FunctionDefinition> entry : byName.entrySet()) {
      if (entry.getValue().category() == FunctionCategory.OPERATOR) {
        continue;
      }
      int distance = editDistance(wanted, entry.getKey());
      boolean prefix = wanted.length() >= 3 && entry.getKey().startsWith(wanted);
      if (distance <= allowed || prefix) {
        scored.add(Map.entry(entry.getKey(), prefix ? Math.min(distance, allowed) : distance));
      }
    }
    scored.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    List<String> result = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : scored) {
      if (result.size() == limit) {
        break;
      }
      result.add(entry.getKey());
    }
    return result;
  }

  /** The names JDBC's function lists report for a category, comma-separated and sorted. */
  public String jdbcList(FunctionCategory... categories) {
    List<String> names = new ArrayList<>();
    for (FunctionDefinition definition : definitions) {
      for (FunctionCategory category : categories) {
        if (definition.category() == category) {
          names.addAll(definition.names());
        }
      }
    }
    Collections.sort(names);
    return String.join(",", names);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
