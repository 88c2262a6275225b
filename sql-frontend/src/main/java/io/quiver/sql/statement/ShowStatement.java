package io.quiver.sql.statement;

/**
 * A question about the catalog or the session: {@code SHOW CATALOGS}, {@code SHOW SCHEMAS [FROM
 * catalog]}, {@code SHOW TABLES [FROM [catalog.]schema]} (each with an optional {@code LIKE
 * 'pattern'}), {@code SHOW COLUMNS FROM table} and {@code DESCRIBE table}, {@code SHOW FUNCTIONS
 * [LIKE 'pattern']}, {@code SHOW CREATE TABLE/VIEW name}, {@code SHOW SESSION} (also {@code SHOW
 * ALL}) and {@code SHOW option}.
 *
 * @param name the catalog, schema, table or option asked about; null where the statement names none
 * @param like the LIKE pattern; null for none
 */
public record ShowStatement(Kind kind, ObjectName name, String like) implements Statement {

  /** What is shown. */
  public enum Kind {
    CATALOGS,
    SCHEMAS,
    TABLES,
    COLUMNS,
    FUNCTIONS,
    CREATE_TABLE,
    CREATE_VIEW,
    SESSION,
    SETTING
  }
}
