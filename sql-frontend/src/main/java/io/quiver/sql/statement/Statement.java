package io.quiver.sql.statement;

/**
 * One SQL statement as Quiver's parser read it ({@link io.quiver.sql.parser.QuiverSqlParser}).
 * Queries inside statements are Calcite {@code SqlNode}s that keep their positions in the
 * statement's text, so the validator's errors point where the user wrote them. Names are
 * {@link ObjectName}s; unquoted parts are folded to lower case.
 */
public sealed interface Statement
    permits QueryStatement, ExplainStatement, CreateSchemaStatement, DropSchemaStatement, CreateTableStatement,
    CreateTableAsStatement, CreateViewStatement, DropTableStatement, DropViewStatement, InsertStatement,
    CopyStatement, UseStatement, SetStatement, ShowStatement, UpdateStatement, DeleteStatement, MergeStatement,
    TruncateStatement, GrantStatement, ShowGrantsStatement, CreateIndexStatement, DropIndexStatement {
}
