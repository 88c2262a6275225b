package io.quiver.engine.connector;

/**
 * Holds a catalog still for the thread that pinned it: while a statement is planned, the tables it
 * sees do not change under it, even if another session creates or drops some (Calcite's validator
 * and SQL-to-relational conversion look a table up more than once). Close on the same thread.
 */
@FunctionalInterface
public interface CatalogPin extends AutoCloseable {

  /** A pin for catalogs that never change. */
  CatalogPin NONE = () -> { };

  @Override
  void close();
}
