package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.IndexRule;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.driver.StatementContext;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.sql.statement.CreateIndexStatement;
import io.quiver.sql.statement.DropIndexStatement;
import io.quiver.sql.statement.ObjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE [UNIQUE] INDEX and DROP INDEX on memory tables ({@link IndexRule} says what an index is
 * here). Both take the table's write lock, so no row change runs between a UNIQUE index's check of
 * the current rows and its addition.
 */
final class IndexStatements {

  private final Targets targets;
  private final RowChangeExecutor rowChanges;

  IndexStatements(Targets targets, RowChangeExecutor rowChanges) {
    this.targets = targets;
    this.rowChanges = rowChanges;
  }

  long create(CreateIndexStatement statement, StatementContext context) {
    try (RowChangeExecutor.LockedTable locked = rowChanges.lock(statement.table(), context, "CREATE INDEX ON")) {
      List<Column> columns = locked.table().rowSchema().columns();
      int[] indexes = new int[statement.columns().size()];
      List<String> names = new ArrayList<>();
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = KeyConstraints.column(columns, statement.columns().get(i), locked.qualified());
        names.add(columns.get(indexes[i]).name());
      }
      locked.memory().addIndex(locked.schema(), locked.table(),
          new IndexRule(statement.name(), statement.unique(), indexes, names), statement.ifNotExists());
      return 0;
    }
  }

  /** [memory, schema, table] of the table that has the index a DROP INDEX names, if there is one. */
  Optional<List<String>> tableOf(ObjectName name, StatementContext context) {
    Targets.Target target = indexSchema(name, context);
    Optional<String> schema = target.schema();
    return schema.flatMap(found -> target.memory().indexTable(found, name.last()))
        .map(table -> List.of(MemoryConnector.NAME, schema.get(), table.tableName()));
  }

  long drop(DropIndexStatement statement, StatementContext context) {
    ObjectName name = statement.name();
    Targets.Target target = indexSchema(name, context);
    Optional<String> schema = target.schema();
    Optional<MemoryTable> table = schema.flatMap(found -> target.memory().indexTable(found, name.last()));
    if (table.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "index " + MemoryConnector.NAME + "."
          + schema.orElse(target.schemaAsWritten()) + "." + name.last() + " does not exist");
    }
    ObjectName tableName = new ObjectName(List.of(MemoryConnector.NAME, schema.get(), table.get().tableName()),
        List.of(true, true, true), name.pos());
    try (RowChangeExecutor.LockedTable locked = rowChanges.lock(tableName, context, "DROP INDEX ON")) {
      if (locked.table().rules().index(name.last()).isEmpty()) {
        throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "index " + name.last() + " was dropped "
            + "meanwhile");
      }
      locked.memory().dropIndex(locked.schema(), locked.table(), name.last());
      return 0;
    }
  }

  /** Where the index a statement names lives (its schema may not exist). */
  private Targets.Target indexSchema(ObjectName name, StatementContext context) {
    List<String> parts = name.parts();
    // The index lives in its table's schema: the name's schema part, else the session's temporary
    // schema if it has the index, else the current schema.
    ObjectName schemaOf = new ObjectName(append(parts.subList(0, parts.size() - 1), "index"),
        append(name.quoted().subList(0, parts.size() - 1), false), name.pos());
    return targets.resolve(temporaryIndexSchema(parts.size() == 1 ? name.last() : null, context)
        .map(temporary -> new ObjectName(List.of(MemoryConnector.NAME, temporary, "index"),
            List.of(true, true, false), name.pos()))
        .orElse(schemaOf), context);
  }

  /**
   * The session's temporary schema if it has an index of this name (searched first, as for tables:
   * PostgreSQL finds indexes along the search path).
   */
  private Optional<String> temporaryIndexSchema(String index, StatementContext context) {
    if (index == null) {
      return Optional.empty();
    }
    for (List<String> path : context.schemaPaths()) {
      if (path.size() == 2 && path.get(0).equals(MemoryConnector.NAME)
          && MemoryConnector.isTemporaryName(path.get(1))) {
        MemoryConnector memory = targets.writableCatalog(MemoryConnector.NAME,
            new ObjectName(path, List.of(true, true)));
        if (memory.indexTable(path.get(1), index).isPresent()) {
          return Optional.of(path.get(1));
        }
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> append(List<T> list, T last) {
    List<T> result = new ArrayList<>(list);
    result.add(last);
    return result;
  }
}
