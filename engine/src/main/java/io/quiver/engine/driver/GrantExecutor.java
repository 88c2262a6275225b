package io.quiver.engine.driver;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.Grant;
import io.quiver.engine.access.Privilege;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.access.Subject;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.catalog.TableResolver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.statement.GrantStatement;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.ShowGrantsStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Runs GRANT, REVOKE and SHOW GRANTS: resolves the object as queries and DDL resolve names, checks
 * the privileges against the object's kind and the grantees against the users file, and lets only
 * the object's owner (or the owner of its schema or catalog) and admins grant or revoke.
 */
final class GrantExecutor {

  /** SHOW GRANTS' columns. */
  static final RowSchema SHOW_GRANTS = new RowSchema(List.of(new Column("grantee", DataType.VARCHAR, false),
      new Column("privilege", DataType.VARCHAR, false), new Column("object_type", DataType.VARCHAR, false),
      new Column("object_name", DataType.VARCHAR, false)));

  private final AccessControl access;
  private final CatalogRegistry catalogs;
  private final TableResolver resolver;

  GrantExecutor(AccessControl access, CatalogRegistry catalogs) {
    this.access = access;
    this.catalogs = catalogs;
    this.resolver = new TableResolver(catalogs);
  }

  void execute(GrantStatement statement, StatementContext context) {
    String verb = statement.revoke() ? "REVOKE" : "GRANT";
    Set<Privilege> privileges = privileges(statement, verb);
    SecuredObject object = statement.object() == null ? null : resolve(statement, context);
    if (object == null && !privileges.equals(EnumSet.of(Privilege.FILES))) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, verb + " " + names(privileges) + " needs ON and the "
          + "catalog, schema or table it is " + (statement.revoke() ? "revoked" : "granted") + " on", null,
          statement.pos().getLineNum(), statement.pos().getColumnNum());
    }
    if (object != null && privileges.contains(Privilege.FILES)) {
      throw new QuiverException(ErrorCode.INVALID_GRANT_OPERATION, "FILES is " + (statement.revoke() ? "revoked"
          : "granted") + " without ON: it is the right to read and write files, not a right on " + object);
    }
    if (object != null) {
      if (AccessControl.SYSTEM_CATALOG.equals(object.catalogName())) {
        throw new QuiverException(ErrorCode.INVALID_GRANT_OPERATION, "the system catalog cannot be granted on: "
            + "everyone may read information_schema and system.runtime, each user sees their own part");
      }
      if (statement.all()) {
        privileges = AccessControl.allOn(object.kind());
      }
      for (Privilege privilege : privileges) {
        if (object.kind() == SecuredObject.Kind.TABLE && !Privilege.ON_TABLES.contains(privilege)) {
          throw new QuiverException(ErrorCode.INVALID_GRANT_OPERATION, privilege + " cannot be "
              + (statement.revoke() ? "revoked" : "granted") + " on a table or view (" + object
              + "); grant it on its schema or catalog");
        }
      }
    }
    for (String grantee : statement.grantees()) {
      if (!access.knownGrantee(grantee)) {
        throw new QuiverException(ErrorCode.UNDEFINED_GRANTEE, "role or user \"" + grantee + "\" does not exist");
      }
    }
    Subject subject = context.subject();
    if (!access.mayGrant(subject, object)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, object == null
          ? "permission denied: only an admin may " + verb + " FILES"
          : "permission denied for " + object + ": only its owner, the owner of what contains it, or an admin may "
              + (statement.revoke() ? "revoke" : "grant") + " privileges on it (user " + subject.user() + ")");
    }
    List<Grant> grants = new ArrayList<>();
    for (String grantee : statement.grantees()) {
      for (Privilege privilege : privileges) {
        grants.add(new Grant(grantee, privilege, object));
      }
    }
    if (statement.revoke()) {
      access.revoke(grants);
    } else {
      access.grant(grants);
    }
  }

  /** The privileges named (empty for ALL); unknown names fail at their position. */
  private static Set<Privilege> privileges(GrantStatement statement, String verb) {
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    for (int i = 0; i < statement.privileges().size(); i++) {
      String name = statement.privileges().get(i);
      SqlParserPos pos = statement.privilegePositions().get(i);
      Optional<Privilege> privilege = Privilege.named(name);
      if (privilege.isEmpty()) {
        throw new QuiverException(ErrorCode.SYNTAX_ERROR, "unknown privilege " + name + " in " + verb
            + "; privileges are SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, FILES and ALL PRIVILEGES", null,
            pos.getLineNum(), pos.getColumnNum());
      }
      privileges.add(privilege.get());
    }
    return privileges;
  }

  private static String names(Set<Privilege> privileges) {
    return privileges.isEmpty() ? "ALL PRIVILEGES" : String.join(", ", privileges.stream().map(Enum::name).toList());
  }

  /** The object the statement names, by its stored name. */
  private SecuredObject resolve(GrantStatement statement, StatementContext context) {
    ObjectName name = statement.object();
    GrantStatement.ObjectKind kind = statement.objectKind();
    if (kind == GrantStatement.ObjectKind.CATALOG) {
      Named<SchemaPlus> catalog = catalogs.catalog(name.last()).orElseThrow(() -> notFound(name, "catalog"));
      return SecuredObject.catalog(catalog.name());
    }
    if (kind == GrantStatement.ObjectKind.SCHEMA) {
      List<String> candidates = new ArrayList<>();
      if (name.parts().size() == 2) {
        candidates.add(name.parts().get(0));
      } else {
        candidates.add(context.currentSchema().get(0));
        context.schemaPaths().stream().filter(path -> path.size() == 1).forEach(path -> candidates.add(path.get(0)));
        candidates.addAll(catalogs.catalogNames());
      }
      for (String catalog : candidates) {
        Optional<Named<SchemaPlus>> schema = catalogs.schema(catalog, name.last());
        Optional<Named<SchemaPlus>> found = catalogs.catalog(catalog);
        if (schema.isPresent() && found.isPresent()) {
          return SecuredObject.schema(found.get().name(), schema.get().name());
        }
      }
      throw notFound(name, "schema");
    }
    TableResolver.Resolved table = resolver.resolve(name, context.schemaPaths())
        .orElseThrow(() -> notFound(name, kind == GrantStatement.ObjectKind.VIEW ? "view" : "table"));
    return SecuredObject.table(table.qualifiedName());
  }

  private static QuiverException notFound(ObjectName name, String what) {
    ErrorCode code = what.equals("table") || what.equals("view") ? ErrorCode.TABLE_NOT_FOUND : ErrorCode.SCHEMA_NOT_FOUND;
    return new QuiverException(code, what + " " + name + " does not exist", null, name.pos().getLineNum(),
        name.pos().getColumnNum());
  }

  /** SHOW GRANTS [FOR name]: what the user (through their roles and PUBLIC) or the role holds, and what it owns. */
  List<List<Object>> show(ShowGrantsStatement statement, StatementContext context) {
    Subject subject = context.subject();
    String asked = statement.grantee();
    Subject target;
    Set<String> grantees = new LinkedHashSet<>();
    if (asked == null || asked.equals(subject.user())) {
      target = subject;
      grantees.add(subject.user());
      grantees.addAll(subject.roles());
      grantees.add(AccessControl.PUBLIC);
    } else {
      if (!access.knownGrantee(asked)) {
        throw new QuiverException(ErrorCode.UNDEFINED_GRANTEE, "role or user \"" + asked + "\" does not exist");
      }
      if (!subject.everyRight() && !subject.roles().contains(asked) && !AccessControl.PUBLIC.equals(asked)) {
        throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied: user " + subject.user()
            + " may see only their own grants, their roles' and PUBLIC's; an admin may see anyone's");
      }
      if (access.isRole(asked) || AccessControl.PUBLIC.equals(asked)) {
        target = new Subject(asked, Set.of(), Subject.ADMIN_ROLE.equals(asked));
        grantees.add(asked);
      } else {
        target = access.subject(asked);
        grantees.add(asked);
        grantees.addAll(target.roles());
        grantees.add(AccessControl.PUBLIC);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    if (target.everyRight()) {
      rows.add(List.of(target.user(), "ALL PRIVILEGES", "ALL", "*"));
    }
    Set<List<Object>> seen = new HashSet<>();
    List<List<Object>> listed = new ArrayList<>();
    for (SecuredObject owned : access.ownedBy(target.user())) {
      listed.add(List.of(target.user(), "OWNERSHIP", kindName(owned), String.join(".", owned.path())));
    }
    for (Grant grant : access.grantsTo(grantees)) {
      SecuredObject object = grant.object();
      listed.add(List.of(grant.grantee(), grant.privilege().name(), object == null ? "FILES" : kindName(object),
          object == null ? "*" : String.join(".", object.path())));
    }
    listed.sort(Comparator.comparing((List<Object> row) -> (String) row.get(3))
        .thenComparing(row -> (String) row.get(2)).thenComparing(row -> (String) row.get(1))
        .thenComparing(row -> (String) row.get(0)));
    for (List<Object> row : listed) {
      if (seen.add(row)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static String kindName(SecuredObject object) {
    return object.kind().name().toUpperCase(Locale.ROOT);
  }
}
