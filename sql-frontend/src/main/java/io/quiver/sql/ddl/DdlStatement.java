package io.quiver.sql.ddl;

import java.util.List;

/**
 * A data definition or modification statement, as {@link DdlParser} read it. Names are lists of parts
 * ({@code [catalog, schema, table]} or shorter); unquoted parts are folded to lower case, quoted
 * parts keep their case, and {@link #quoted} says which parts were quoted.
 */
public sealed interface DdlStatement
    permits CreateSchemaStatement, CreateTableStatement, CreateTableAsStatement, CreateViewStatement,
    DropSchemaStatement, DropTableStatement, DropViewStatement, InsertStatement, CopyStatement {

  /**
   * The name of the object the statement creates, drops, fills or copies; null for
   * {@code COPY (query)}.
   */
  ObjectName name();

  /** A possibly qualified object name. */
  record ObjectName(List<String> parts, List<Boolean> quoted) {

    public ObjectName {
      parts = List.copyOf(parts);
      quoted = List.copyOf(quoted);
      if (parts.isEmpty() || parts.size() != quoted.size()) {
        throw new IllegalArgumentException("a name needs at least one part, each quoted or not");
      }
    }

    /** The last part: the object's own name. */
    public String last() {
      return parts.get(parts.size() - 1);
    }

    @Override
    public String toString() {
      return String.join(".", parts);
    }
  }
}
