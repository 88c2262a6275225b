package io.quiver.engine.ddl;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.Privilege;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.access.Subject;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.driver.StatementContext;
import io.quiver.sql.statement.CopyStatement;
import io.quiver.sql.statement.CreateIndexStatement;
import io.quiver.sql.statement.CreateSchemaStatement;
import io.quiver.sql.statement.CreateTableAsStatement;
import io.quiver.sql.statement.CreateTableStatement;
import io.quiver.sql.statement.CreateViewStatement;
import io.quiver.sql.statement.DeleteStatement;
import io.quiver.sql.statement.DropIndexStatement;
import io.quiver.sql.statement.DropSchemaStatement;
import io.quiver.sql.statement.DropTableStatement;
import io.quiver.sql.statement.DropViewStatement;
import io.quiver.sql.statement.InsertStatement;
import io.quiver.sql.statement.MergeClause;
import io.quiver.sql.statement.MergeStatement;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.Statement;
import io.quiver.sql.statement.TruncateStatement;
import io.quiver.sql.statement.UpdateStatement;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The privileges a DDL or DML statement needs on what it creates, changes or drops, checked before
 * it does anything (the queries inside it are checked when they are planned, SELECT on what they
 * read): CREATE on the schema a table or view goes into and on the catalog a schema goes into;
 * DROP on what is dropped (and on a view that CREATE OR REPLACE replaces); INSERT, UPDATE, DELETE
 * on the table changed (TRUNCATE is a DELETE; MERGE needs those of its clauses); FILES for COPY and
 * tables over files; ownership of the table for CREATE INDEX and DROP INDEX. Objects that do not
 * exist are left to the statement, which reports them (or does nothing, with IF EXISTS). The creator of a table, view or schema owns it. Any user may create
 * temporary tables and views (PostgreSQL's TEMP privilege of PUBLIC): the session's temporary schema
 * belongs to its user.
 */
final class StatementPrivileges {

  /** What a statement will create (owned by its user once it exists), or nothing. */
  record Created(SecuredObject object, String owner) {
  }

  private final AccessControl access;
  private final Targets targets;
  private final IndexStatements indexes;

  StatementPrivileges(AccessControl access, Targets targets, IndexStatements indexes) {
    this.access = access;
    this.targets = targets;
    this.indexes = indexes;
  }

  /**
   * Checks the statement's privileges.
   *
   * @return the object it creates if it does not exist yet (to be owned once the statement succeeds); null otherwise
   */
  Created check(Statement statement, StatementContext context) {
    Subject subject = context.subject();
    if (!access.enforced()) {
      return null;
    }
    if (statement instanceof CreateSchemaStatement create) {
      String catalog = catalogOf(create.name(), context);
      MemoryConnector memory = targets.writableCatalog(catalog, create.name());
      access.require(subject, Privilege.CREATE, SecuredObject.catalog(memory.catalogName()));
      boolean exists = memory.schemaName(create.name().last(), create.name().lastQuoted()).isPresent();
      return exists ? null
          : new Created(SecuredObject.schema(memory.catalogName(), create.name().last()), subject.user());
    }
    if (statement instanceof DropSchemaStatement drop) {
      MemoryConnector memory = targets.writableCatalog(catalogOf(drop.name(), context), drop.name());
      memory.schemaName(drop.name().last(), drop.name().lastQuoted()).ifPresent(schema ->
          access.require(subject, Privilege.DROP, SecuredObject.schema(memory.catalogName(), schema)));
      return null;
    }
    if (statement instanceof CreateTableStatement create) {
      if (create.temporary()) {
        return null; // any user may: the session's temporary schema is its user's
      }
      return creating(create.name(), create.properties(), false, context);
    }
    if (statement instanceof CreateTableAsStatement create) {
      if (create.temporary()) {
        return null; // any user may: the session's temporary schema is its user's
      }
      return creating(create.name(), create.properties(), false, context);
    }
    if (statement instanceof CreateViewStatement create) {
      if (create.temporary()) {
        return null;
      }
      return creating(create.name(), Map.of(), create.orReplace(), context);
    }
    if (statement instanceof DropTableStatement drop) {
      existing(drop.name(), context).ifPresent(table -> access.require(subject, Privilege.DROP, table));
      return null;
    }
    if (statement instanceof DropViewStatement drop) {
      existing(drop.name(), context).ifPresent(view -> access.require(subject, Privilege.DROP, view));
      return null;
    }
    if (statement instanceof InsertStatement insert) {
      existing(insert.name(), context).ifPresent(table -> access.require(subject, Privilege.INSERT, table));
      return null;
    }
    if (statement instanceof UpdateStatement update) {
      existing(update.name(), context).ifPresent(table -> access.require(subject, Privilege.UPDATE, table));
      return null;
    }
    if (statement instanceof DeleteStatement delete) {
      existing(delete.name(), context).ifPresent(table -> access.require(subject, Privilege.DELETE, table));
      return null;
    }
    if (statement instanceof TruncateStatement truncate) {
      existing(truncate.name(), context).ifPresent(table -> access.require(subject, Privilege.DELETE, table));
      return null;
    }
    if (statement instanceof MergeStatement merge) {
      Optional<SecuredObject> table = existing(merge.name(), context);
      if (table.isPresent()) {
        for (MergeClause clause : merge.clauses()) {
          Privilege needed = clause instanceof MergeClause.Insert ? Privilege.INSERT
              : clause instanceof MergeClause.Update ? Privilege.UPDATE : Privilege.DELETE;
          access.require(subject, needed, table.get());
        }
      }
      return null;
    }
    if (statement instanceof CopyStatement) {
      access.requireFiles(subject, "COPY");
      return null;
    }
    if (statement instanceof CreateIndexStatement create) {
      existing(create.table(), context).ifPresent(table -> requireOwner(subject, table, "CREATE INDEX"));
      return null;
    }
    if (statement instanceof DropIndexStatement drop) {
      Optional<List<String>> table;
      try {
        table = indexes.tableOf(drop.name(), context);
      } catch (RuntimeException e) {
        return null; // a read-only catalog or a missing one: the statement says so
      }
      table.ifPresent(name -> requireOwner(subject, SecuredObject.table(name), "DROP INDEX"));
      return null;
    }
    return null;
  }

  /**
   * An index changes what its table accepts (UNIQUE) and how it is stored: only the table's owner
   * (or the owner of its schema or catalog) and admins may create or drop one, as PostgreSQL
   * requires ownership (42501).
   */
  private void requireOwner(Subject subject, SecuredObject table, String statement) {
    if (!access.mayGrant(subject, table)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + statement + " on "
          + table + ": user " + subject.user() + " must be owner of table " + table);
    }
  }

  /** CREATE on the schema; FILES for a table over files; DROP on a view that OR REPLACE replaces. */
  private Created creating(ObjectName name, Map<String, String> properties, boolean orReplace,
      StatementContext context) {
    Subject subject = context.subject();
    Targets.Target target = targets.resolve(name, context);
    Optional<String> schema = target.schema();
    if (!properties.isEmpty()) {
      access.requireFiles(subject, "a table over files (" + name + ")");
    }
    if (schema.isEmpty()) {
      return null;
    }
    access.require(subject, Privilege.CREATE, SecuredObject.schema(MemoryConnector.NAME, schema.get()));
    Optional<String> stored = target.storedName(schema.get());
    if (stored.isPresent() && target.object(schema.get()).isPresent()) {
      if (orReplace) {
        access.require(subject, Privilege.DROP, SecuredObject.table(List.of(MemoryConnector.NAME, schema.get(),
            stored.get())));
      }
      return null;
    }
    return new Created(SecuredObject.table(List.of(MemoryConnector.NAME, schema.get(), name.last())),
        subject.user());
  }

  /** The existing table or view a statement names, as the statement will find it. */
  private Optional<SecuredObject> existing(ObjectName name, StatementContext context) {
    Targets.Target target;
    try {
      target = targets.resolveExisting(name, context);
    } catch (RuntimeException e) {
      return Optional.empty(); // a read-only catalog or a missing one: the statement says so
    }
    return target.schema().flatMap(schema -> target.storedName(schema)
        .filter(stored -> target.object(schema).isPresent())
        .map(stored -> SecuredObject.table(List.of(MemoryConnector.NAME, schema, stored))));
  }

  private static String catalogOf(ObjectName name, StatementContext context) {
    return name.parts().size() == 2 ? name.parts().get(0) : context.currentSchema().get(0);
  }
}
