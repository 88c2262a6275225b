package io.quiver.sql.statement;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A possibly qualified object name as a statement wrote it: {@code [catalog, schema, name]} or
 * shorter. Unquoted parts are folded to lower case, quoted parts keep their case, and
 * {@link #quoted} says which parts were quoted.
 *
 * @param pos where the name stands in the statement's text
 */
public record ObjectName(List<String> parts, List<Boolean> quoted, SqlParserPos pos) {

  public ObjectName {
    parts = List.copyOf(parts);
    quoted = List.copyOf(quoted);
    if (parts.isEmpty() || parts.size() != quoted.size()) {
      throw new IllegalArgumentException("a name needs at least one part, each quoted or not");
    }
    if (pos == null) {
      pos = SqlParserPos.ZERO;
    }
  }

  /** A name without a position (made by the engine, not read from a statement). */
  public ObjectName(List<String> parts, List<Boolean> quoted) {
    this(parts, quoted, SqlParserPos.ZERO);
  }

  /** The name an identifier spells. */
  public static ObjectName of(SqlIdentifier identifier) {
    List<Boolean> quoted = new ArrayList<>(identifier.names.size());
    for (int i = 0; i < identifier.names.size(); i++) {
      quoted.add(identifier.isComponentQuoted(i));
    }
    return new ObjectName(identifier.names, quoted, identifier.getParserPosition());
  }

  /** The last part: the object's own name. */
  public String last() {
    return parts.get(parts.size() - 1);
  }

  /** Whether the last part was quoted. */
  public boolean lastQuoted() {
    return quoted.get(quoted.size() - 1);
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }
}
