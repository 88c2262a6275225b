package io.quiver.engine.driver;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.Privilege;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.access.Subject;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The privileges a query needs, checked before any task runs: FILES for the file table functions
 * it calls (before planning, which would open the files), SELECT on every table and view it names
 * (after planning, which resolved the names); a view's own tables are checked with its owner's
 * rights, as PostgreSQL does.
 */
final class QueryAccess {

  /** The table functions that read files. */
  static final Set<String> FILE_FUNCTIONS = Set.of("read_csv", "read_parquet", "read_arrow");

  /** Views inside views deeper than this are not followed (a view cannot read itself). */
  private static final int MAX_VIEW_DEPTH = 64;

  private final AccessControl access;
  private final CatalogRegistry catalogs;

  QueryAccess(AccessControl access, CatalogRegistry catalogs) {
    this.access = access;
    this.catalogs = catalogs;
  }

  /** FILES for a query that calls read_csv, read_parquet or read_arrow. */
  void checkFileFunctions(Subject subject, SqlNode query) {
    if (subject.everyRight() || query == null) {
      return;
    }
    String called = fileFunction(query);
    if (called != null) {
      access.requireFiles(subject, called);
    }
  }

  /** The first file table function the tree calls, or null. */
  static String fileFunction(SqlNode node) {
    String[] found = new String[1];
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (found[0] == null && call.getOperator() instanceof SqlFunction function) {
          SqlIdentifier name = function.getSqlIdentifier();
          String simple = name != null ? name.names.get(name.names.size() - 1) : function.getName();
          if (simple != null && FILE_FUNCTIONS.contains(simple.toLowerCase(Locale.ROOT))) {
            found[0] = simple.toLowerCase(Locale.ROOT);
          }
        }
        return found[0] == null ? super.visit(call) : null;
      }
    });
    return found[0];
  }

  /** SELECT on every table and view read; for views, their owners' SELECT on what they read. */
  void checkRead(Subject subject, List<List<String>> tablesRead) {
    if (!access.enforced()) {
      return;
    }
    for (List<String> table : tablesRead) {
      checkRead(subject, table, null, 0);
    }
  }

  private void checkRead(Subject subject, List<String> table, String viewOwnerOf, int depth) {
    if (table.size() != 3 || AccessControl.SYSTEM_CATALOG.equals(table.get(0))) {
      return;
    }
    SecuredObject object = SecuredObject.table(table);
    if (!access.holds(subject, Privilege.SELECT, object)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + object + ": user "
          + subject.user() + (viewOwnerOf == null ? "" : " (owner of view " + viewOwnerOf + ")")
          + " has no SELECT privilege on it");
    }
    Optional<StoredView> view = view(table);
    if (view.isEmpty() || depth >= MAX_VIEW_DEPTH) {
      return;
    }
    String owner = access.owner(object);
    Subject ownerSubject = owner == null ? Subject.ENGINE : access.subject(owner);
    for (List<String> read : view.get().tablesRead()) {
      checkRead(ownerSubject, read, String.join(".", table), depth + 1);
    }
  }

  private Optional<StoredView> view(List<String> table) {
    if (!MemoryConnector.NAME.equals(table.get(0))) {
      return Optional.empty();
    }
    Optional<SchemaObject> object = catalogs.connector(MemoryConnector.NAME)
        .filter(MemoryConnector.class::isInstance).map(MemoryConnector.class::cast)
        .flatMap(memory -> memory.object(table.get(1), table.get(2)));
    return object.filter(StoredView.class::isInstance).map(StoredView.class::cast);
  }
}
