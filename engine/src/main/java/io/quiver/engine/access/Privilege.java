package io.quiver.engine.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a grant allows. Object privileges are granted on catalogs, schemas or tables (views are
 * tables here) and hold for everything inside the object they are granted on; {@link #FILES} is
 * granted to a user or role without an object.
 */
public enum Privilege {
  /** Read a table or view's rows. */
  SELECT,
  /** Add rows to a table. */
  INSERT,
  /** Change rows of a table. */
  UPDATE,
  /** Remove rows of a table (DELETE, TRUNCATE). */
  DELETE,
  /** Create schemas in a catalog, tables and views in a schema. */
  CREATE,
  /** Drop a table, view or schema. */
  DROP,
  /** Read and write files: read_csv, read_parquet, read_arrow, COPY, tables over files. */
  FILES;

  /** The privileges of tables and views. */
  public static final Set<Privilege> ON_TABLES = EnumSet.of(SELECT, INSERT, UPDATE, DELETE, DROP);
  /** The privileges granted on a catalog or schema (they hold for what is inside). */
  public static final Set<Privilege> ON_CONTAINERS = EnumSet.of(SELECT, INSERT, UPDATE, DELETE, CREATE, DROP);

  /** The privilege a name spells (upper case), if any. */
  public static Optional<Privilege> named(String name) {
    try {
      return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
