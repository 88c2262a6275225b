package io.quiver.engine.access;

import java.util.List;
import java.util.Locale;

/**
 * A catalog, schema or table (or view) that privileges are granted on, by its stored name
 * ([catalog], [catalog, schema] or [catalog, schema, table]).
 */
public record SecuredObject(Kind kind, List<String> path) {

  /** What the object is. */
  public enum Kind {
    CATALOG(1),
    SCHEMA(2),
    TABLE(3);

    private final int parts;

    Kind(int parts) {
      this.parts = parts;
    }
  }

  public SecuredObject {
    path = List.copyOf(path);
    if (path.size() != kind.parts) {
      throw new IllegalArgumentException(kind + " needs " + kind.parts + " name parts, not " + path);
    }
  }

  public static SecuredObject catalog(String catalog) {
    return new SecuredObject(Kind.CATALOG, List.of(catalog));
  }

  public static SecuredObject schema(String catalog, String schema) {
    return new SecuredObject(Kind.SCHEMA, List.of(catalog, schema));
  }

  public static SecuredObject table(List<String> qualifiedName) {
    return new SecuredObject(Kind.TABLE, qualifiedName);
  }

  public String catalogName() {
    return path.get(0);
  }

  /** The object and what contains it, innermost first: table, schema, catalog. */
  public List<SecuredObject> selfAndContainers() {
    return switch (kind) {
      case CATALOG -> List.of(this);
      case SCHEMA -> List.of(this, catalog(path.get(0)));
      case TABLE -> List.of(this, schema(path.get(0), path.get(1)), catalog(path.get(0)));
    };
  }

  /** Whether {@code other} is this object or inside it. */
  public boolean contains(SecuredObject other) {
    return other.path.size() >= path.size() && other.path.subList(0, path.size()).equals(path);
  }

  /** "table memory.default.t", as messages name it. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + String.join(".", path);
  }
}
