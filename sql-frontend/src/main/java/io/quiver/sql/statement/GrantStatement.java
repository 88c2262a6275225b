package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code GRANT privileges [ON [CATALOG | SCHEMA | TABLE | VIEW] name] TO grantee [, ...]} and
 * {@code REVOKE privileges [ON ...] FROM grantee [, ...]}. Privileges are {@code ALL [PRIVILEGES]}
 * or a list of names as written (SELECT, INSERT, ... and FILES, which is granted without ON); the
 * engine checks the names, the object and the grantees.
 *
 * @param revoke true for REVOKE
 * @param privileges the privilege names in upper case, empty for ALL PRIVILEGES
 * @param privilegePositions where each name stands
 * @param objectKind how the statement called the object; null when it gave no kind or no object
 * @param object the object; null for privileges that are not on an object (FILES)
 * @param grantees user or role names, {@link #PUBLIC} for everyone
 */
public record GrantStatement(boolean revoke, List<String> privileges, List<SqlParserPos> privilegePositions,
    ObjectKind objectKind, ObjectName object, List<String> grantees, SqlParserPos pos) implements Statement {

  /** The grantee that stands for every user. */
  public static final String PUBLIC = "PUBLIC";

  /** The kind of object a statement names after ON. */
  public enum ObjectKind {
    CATALOG,
    SCHEMA,
    TABLE,
    VIEW
  }

  public GrantStatement {
    privileges = privileges.stream().map(name -> name.toUpperCase(java.util.Locale.ROOT)).toList();
    privilegePositions = List.copyOf(privilegePositions);
    grantees = List.copyOf(grantees);
    if (privileges.size() != privilegePositions.size() || grantees.isEmpty()) {
      throw new IllegalArgumentException("a privilege per position and at least one grantee");
    }
  }

  /** True for ALL [PRIVILEGES]. */
  public boolean all() {
    return privileges.isEmpty();
  }
}
