<#--
  Quiver's statements and grammar additions, included into Calcite's Parser.jj by FMPP (see
  config.fmpp). Each statement production returns a StatementNode that carries the
  io.quiver.sql.statement record it built; checks that need the parsed parts, and their errors,
  are in io.quiver.sql.parser.GrammarSupport.
-->

// ------------------------------------------------------------------------------------------------
// EXPLAIN

/**
 * EXPLAIN query, EXPLAIN PLAN FOR query, EXPLAIN ANALYZE query,
 * EXPLAIN (ANALYZE [boolean], FORMAT {TEXT | JSON}) query.
 */
SqlNode QuiverExplain() :
{
    final Span s;
    final boolean[] analyze = { false };
    final ExplainStatement.Format[] format = { ExplainStatement.Format.TEXT };
    final SqlNode query;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2) <PLAN> <FOR>
    |
        LOOKAHEAD(2) <ANALYZE> { analyze[0] = true; }
    |
        LOOKAHEAD(2)
        <LPAREN> QuiverExplainOption(analyze, format)
        ( <COMMA> QuiverExplainOption(analyze, format) )*
        <RPAREN>
    |
        { }
    )
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new StatementNode(s.end(this), new ExplainStatement(query, analyze[0], format[0]));
    }
}

void QuiverExplainOption(boolean[] analyze, ExplainStatement.Format[] format) :
{
}
{
    <ANALYZE> { analyze[0] = true; }
    [ analyze[0] = QuiverBoolean() ]
|
    <FORMAT>
    (
        <TEXT> { format[0] = ExplainStatement.Format.TEXT; }
    |
        <JSON> { format[0] = ExplainStatement.Format.JSON; }
    )
}

/** TRUE, FALSE, ON or OFF, as option values are written. */
boolean QuiverBoolean() :
{
    final SqlIdentifier word;
}
{
    <TRUE> { return true; }
|
    <FALSE> { return false; }
|
    <ON> { return true; }
|
    word = SimpleIdentifier() {
        if (word.getSimple().equalsIgnoreCase("off")) {
            return false;
        }
        throw GrammarSupport.syntaxError(word.getParserPosition(),
            "expected TRUE, FALSE, ON or OFF, not " + word.getSimple());
    }
}

// ------------------------------------------------------------------------------------------------
// CREATE and DROP

/**
 * CREATE SCHEMA, CREATE TABLE (columns, WITH (...), AS query), CREATE [OR REPLACE] VIEW.
 */
SqlNode QuiverCreate() :
{
    final Span s;
    boolean orReplace = false;
    SqlParserPos orReplaceAt = null;
    Statement statement = null;
    boolean unique = false;
    boolean temporary = false;
    SqlParserPos temporaryAt = null;
}
{
    <CREATE> { s = span(); }
    [
        <OR> { orReplaceAt = getPos(); } <REPLACE> { orReplace = true; }
    ]
    [
        ( <TEMP> | <TEMPORARY> ) { temporaryAt = getPos(); temporary = true; }
    ]
    (
        <SCHEMA> {
            if (orReplace) {
                throw GrammarSupport.notSupported(orReplaceAt, "CREATE OR REPLACE SCHEMA is not supported");
            }
            if (temporary) {
                throw GrammarSupport.notSupported(temporaryAt, "a schema cannot be temporary; each session has a "
                    + "temporary schema of its own, made by its first CREATE TEMPORARY TABLE or VIEW");
            }
        }
        statement = QuiverCreateSchema()
    |
        <TABLE> {
            if (orReplace) {
                throw GrammarSupport.notSupported(orReplaceAt,
                    "CREATE OR REPLACE TABLE is not supported; DROP TABLE IF EXISTS first");
            }
        }
        statement = QuiverCreateTable(temporary)
    |
        <VIEW> statement = QuiverCreateView(orReplace, temporary)
    |
        ( <INDEX> { unique = false; } | <UNIQUE> <INDEX> { unique = true; } ) {
            if (orReplace) {
                throw GrammarSupport.notSupported(orReplaceAt, "CREATE OR REPLACE INDEX is not supported");
            }
            if (temporary) {
                throw GrammarSupport.notSupported(temporaryAt, "an index cannot be temporary; an index on a "
                    + "temporary table lasts as long as its table");
            }
        }
        statement = QuiverCreateIndex(unique)
    |
        {
            throw GrammarSupport.unknownObject(getToken(1).kind == EOF, getToken(1).image, getToken(1).beginLine,
                getToken(1).beginColumn, "CREATE", "Quiver creates schemas, tables and views");
        }
    )
    {
        return new StatementNode(s.end(this), statement);
    }
}

boolean QuiverIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean QuiverIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

Statement QuiverCreateSchema() :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
}
{
    ifNotExists = QuiverIfNotExists()
    name = CompoundIdentifier() {
        GrammarSupport.checkParts(name, 2, "schema");
        return new CreateSchemaStatement(ObjectName.of(name), ifNotExists);
    }
}

/** After CREATE TABLE: the name, then columns, WITH (...) and AS query in the forms Quiver has. */
Statement QuiverCreateTable(boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<ColumnDefinition> columns = new ArrayList<ColumnDefinition>();
    final List<KeyConstraint> keys = new ArrayList<KeyConstraint>();
    final TableClausesBuilder clauses = new TableClausesBuilder();
    Map<String, String> properties = new LinkedHashMap<String, String>();
    SqlNode query = null;
}
{
    ifNotExists = QuiverIfNotExists()
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    (
        <LPAREN>
        QuiverTableElementOrKey(columns, keys, clauses, name)
        ( <COMMA> QuiverTableElementOrKey(columns, keys, clauses, name) )*
        <RPAREN>
        [ <WITH> properties = QuiverProperties() ]
        [
            <AS> {
                throw GrammarSupport.notSupported(getPos(), "CREATE TABLE " + name
                    + " (columns) AS query is not supported; name the columns in the query");
            }
        ]
        {
            return new CreateTableStatement(ObjectName.of(name), ifNotExists, columns, properties, keys,
                clauses.build(), temporary);
        }
    |
        <WITH> properties = QuiverProperties()
        (
            <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
                return new CreateTableAsStatement(ObjectName.of(name), ifNotExists, properties, query, temporary);
            }
        |
            {
                return new CreateTableStatement(ObjectName.of(name), ifNotExists, columns, properties, List.of(),
                    TableClauses.NONE, temporary);
            }
        )
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new CreateTableAsStatement(ObjectName.of(name), ifNotExists, properties, query, temporary);
        }
    )
}

/**
 * A column of CREATE TABLE, or a table constraint: [CONSTRAINT name] {PRIMARY KEY (columns) |
 * UNIQUE (columns) | CHECK (condition) | FOREIGN KEY (columns) REFERENCES ...}.
 */
void QuiverTableElementOrKey(List<ColumnDefinition> columns, List<KeyConstraint> keys,
    TableClausesBuilder clauses, SqlIdentifier table) :
{
    SqlIdentifier constraint = null;
    final SqlParserPos at;
    final SqlNodeList keyColumns;
    boolean primary = false;
}
{
    [ <CONSTRAINT> constraint = SimpleIdentifier() ]
    (
        ( <PRIMARY> { at = getPos(); primary = true; } <KEY> | <UNIQUE> { at = getPos(); } )
        keyColumns = ParenthesizedSimpleIdentifierList() {
            keys.add(new KeyConstraint(constraint == null ? null : constraint.getSimple(), primary,
                GrammarSupport.distinctNames(keyColumns, "the key"), at));
        }
    |
        QuiverCheck(clauses, constraint, null)
    |
        QuiverForeignKey(clauses, constraint)
    |
        {
            if (constraint != null) {
                throw GrammarSupport.syntaxError(getPos(), "expected PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY "
                    + "after CONSTRAINT " + constraint.getSimple());
            }
        }
        QuiverTableElement(columns, keys, clauses, table)
    )
}

/**
 * One column definition of CREATE TABLE: name type followed by NOT NULL, NULL, DEFAULT expression,
 * [CONSTRAINT name] {PRIMARY KEY | UNIQUE | CHECK (condition) | REFERENCES ...} in any order;
 * keys and clauses null where no constraint may be declared.
 */
void QuiverTableElement(List<ColumnDefinition> columns, List<KeyConstraint> keys, TableClausesBuilder clauses,
    SqlIdentifier table) :
{
    final SqlIdentifier name;
    SqlDataTypeSpec type = null;
    boolean notNull = false;
    SqlIdentifier constraint = null;
    SqlParserPos at = null;
}
{
    name = SimpleIdentifier()
    (
        type = DataType()
    |
        <INTERVAL> {
            throw GrammarSupport.notSupported(getPos(), "column " + name.getSimple()
                + ": type INTERVAL is not supported; store a number of days, months or seconds");
        }
    )
    (
        <NOT> <NULL> { notNull = true; }
    |
        <NULL>
    |
        [ <CONSTRAINT> constraint = SimpleIdentifier() ]
        (
            <PRIMARY> { at = getPos(); } <KEY> {
                GrammarSupport.addColumnKey(keys, constraint, true, name, at);
                notNull = true;
            }
        |
            <UNIQUE> { at = getPos(); GrammarSupport.addColumnKey(keys, constraint, false, name, at); }
        |
            { TableClausesBuilder.require(clauses, getPos()); }
            QuiverCheck(clauses, constraint, name)
        |
            { TableClausesBuilder.require(clauses, getPos()); }
            QuiverReferences(clauses, constraint, java.util.Collections.singletonList(name.getSimple()))
        |
            { TableClausesBuilder.require(clauses, getPos()); }
            QuiverColumnDefault(clauses, name)
        )
        { constraint = null; }
    )*
    {
        GrammarSupport.addColumn(columns, ColumnDefinition.of(name, type, notNull), table.toString());
    }
}

/** [CONSTRAINT name] CHECK (condition), on a column (column not null) or on the table. */
void QuiverCheck(TableClausesBuilder clauses, SqlIdentifier constraint, SqlIdentifier column) :
{
    final SqlParserPos at;
    final Token start;
    final Token end;
    final SqlNode condition;
}
{
    <CHECK> { at = getPos(); }
    <LPAREN> { start = getToken(1); }
    condition = Expression(ExprContext.ACCEPT_SUB_QUERY) { end = token; }
    <RPAREN> {
        clauses.addCheck(constraint, column, condition, GrammarSupport.textBetween(getOriginalSql(),
            start.beginLine, start.beginColumn, end.endLine, end.endColumn),
            new SqlParserPos(start.beginLine, start.beginColumn));
    }
}

/** [CONSTRAINT name] FOREIGN KEY (columns) REFERENCES ..., a table constraint. */
void QuiverForeignKey(TableClausesBuilder clauses, SqlIdentifier constraint) :
{
    final SqlNodeList columns;
}
{
    <FOREIGN> <KEY>
    columns = ParenthesizedSimpleIdentifierList()
    QuiverReferences(clauses, constraint, GrammarSupport.distinctNames(columns, "the foreign key"))
}

/**
 * REFERENCES table [(columns)] [MATCH {FULL | SIMPLE}] [ON DELETE action] [ON UPDATE action],
 * after FOREIGN KEY (columns) or on a column.
 */
void QuiverReferences(TableClausesBuilder clauses, SqlIdentifier constraint, List<String> columns) :
{
    final SqlParserPos at;
    final SqlIdentifier referenced;
    SqlNodeList referencedColumns = SqlNodeList.EMPTY;
    String onUpdate = "NO ACTION";
    String onDelete = "NO ACTION";
    String action;
}
{
    <REFERENCES> { at = getPos(); }
    referenced = CompoundTableIdentifier() { GrammarSupport.checkParts(referenced, 3, "table"); }
    [ referencedColumns = ParenthesizedSimpleIdentifierList() ]
    [
        <MATCH>
        (
            <FULL>
        |
            <SIMPLE>
        |
            <PARTIAL> { throw GrammarSupport.notSupported(getPos(), "MATCH PARTIAL is not supported"); }
        )
    ]
    (
        LOOKAHEAD(2) <ON> <DELETE> action = QuiverReferentialAction() { onDelete = action; }
    |
        LOOKAHEAD(2) <ON> <UPDATE> action = QuiverReferentialAction() { onUpdate = action; }
    )*
    {
        clauses.addForeignKey(constraint, columns, referenced,
            GrammarSupport.distinctNames(referencedColumns, "the referenced columns"), onUpdate, onDelete, at);
    }
}

/** CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT, as the FOREIGN KEY declares it. */
String QuiverReferentialAction() :
{
}
{
    <CASCADE> { return "CASCADE"; }
|
    <RESTRICT> { return "RESTRICT"; }
|
    <NO> <ACTION> { return "NO ACTION"; }
|
    LOOKAHEAD(2) <SET> <NULL> { return "SET NULL"; }
|
    <SET> <DEFAULT_> { return "SET DEFAULT"; }
}

/**
 * DEFAULT expression of a column: a literal (perhaps signed), a function call such as
 * CURRENT_DATE, a CAST, or any expression in parentheses; the text is kept as written.
 */
void QuiverColumnDefault(TableClausesBuilder clauses, SqlIdentifier column) :
{
    final SqlParserPos at;
    final Token start;
    final SqlNode expression;
}
{
    <DEFAULT_> { at = getPos(); start = getToken(1); }
    expression = Expression3(ExprContext.ACCEPT_SUB_QUERY) {
        clauses.addDefault(column, expression, GrammarSupport.textBetween(getOriginalSql(), start.beginLine,
            start.beginColumn, token.endLine, token.endColumn), new SqlParserPos(start.beginLine, start.beginColumn));
    }
}

/**
 * A column list on its own, "name type [NOT NULL], ...", as read_csv(columns => '...') declares
 * the columns of a file.
 */
List<ColumnDefinition> QuiverColumnListEof() :
{
    final List<ColumnDefinition> columns = new ArrayList<ColumnDefinition>();
    final SqlIdentifier owner = new SqlIdentifier("the column list", SqlParserPos.ZERO);
}
{
    QuiverTableElement(columns, null, null, owner)
    ( <COMMA> QuiverTableElement(columns, null, null, owner) )*
    <EOF>
    {
        return columns;
    }
}

/** After CREATE [UNIQUE] INDEX: [IF NOT EXISTS] name ON table (column, ...). */
Statement QuiverCreateIndex(boolean unique) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
}
{
    ifNotExists = QuiverIfNotExists()
    name = SimpleIdentifier()
    <ON>
    table = CompoundTableIdentifier() { GrammarSupport.checkParts(table, 3, "table"); }
    <LPAREN>
    QuiverIndexColumn(columns)
    ( <COMMA> QuiverIndexColumn(columns) )*
    <RPAREN>
    {
        return new CreateIndexStatement(name.getSimple(), unique, ifNotExists, ObjectName.of(table),
            GrammarSupport.distinctNames(columns, "index " + name.getSimple()));
    }
}

/** column [ASC | DESC] of CREATE INDEX (the order is accepted and has no effect). */
void QuiverIndexColumn(SqlNodeList columns) :
{
    final SqlIdentifier column;
}
{
    column = SimpleIdentifier() { columns.add(column); }
    [ <ASC> | <DESC> ]
}

/** After CREATE [OR REPLACE] VIEW: [IF NOT EXISTS] name [(columns)] AS query. */
Statement QuiverCreateView(boolean orReplace, boolean temporary) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    final Token start;
    final SqlNode query;
}
{
    [
        LOOKAHEAD(3) <IF> {
            if (orReplace) {
                throw GrammarSupport.syntaxError(getPos(), "CREATE OR REPLACE VIEW cannot have IF NOT EXISTS");
            }
        }
        <NOT> <EXISTS> { ifNotExists = true; }
    ]
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "view"); }
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { start = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new CreateViewStatement(ObjectName.of(name), orReplace, ifNotExists,
            GrammarSupport.distinctNames(columns, "view " + name), query,
            GrammarSupport.textFrom(getOriginalSql(), start.beginLine, start.beginColumn), temporary);
    }
}

/** DROP TABLE, DROP VIEW, DROP SCHEMA. */
SqlNode QuiverDrop() :
{
    final Span s;
    boolean ifExists = false;
    SqlIdentifier name = null;
    boolean cascade = false;
    Statement statement = null;
}
{
    <DROP> { s = span(); }
    (
        <TABLE> ifExists = QuiverIfExists()
        name = CompoundTableIdentifier() {
            statement = new DropTableStatement(ObjectName.of(GrammarSupport.checkParts(name, 3, "table")), ifExists);
        }
    |
        <VIEW> ifExists = QuiverIfExists()
        name = CompoundTableIdentifier() {
            statement = new DropViewStatement(ObjectName.of(GrammarSupport.checkParts(name, 3, "view")), ifExists);
        }
    |
        <SCHEMA> ifExists = QuiverIfExists()
        name = CompoundIdentifier()
        [ <CASCADE> { cascade = true; } | <RESTRICT> ]
        {
            statement = new DropSchemaStatement(ObjectName.of(GrammarSupport.checkParts(name, 2, "schema")),
                ifExists, cascade);
        }
    |
        <INDEX> ifExists = QuiverIfExists()
        name = CompoundIdentifier() {
            statement = new DropIndexStatement(ObjectName.of(GrammarSupport.checkParts(name, 3, "index")), ifExists);
        }
    |
        {
            throw GrammarSupport.unknownObject(getToken(1).kind == EOF, getToken(1).image, getToken(1).beginLine,
                getToken(1).beginColumn, "DROP", "Quiver drops schemas, tables and views");
        }
    )
    {
        return new StatementNode(s.end(this), statement);
    }
}

// ------------------------------------------------------------------------------------------------
// INSERT and COPY

/** INSERT INTO name [(column, ...)] query. */
SqlNode QuiverInsert() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    SqlNode query = null;
}
{
    <INSERT> { s = span(); }
    (
        <INTO>
    |
        <OVERWRITE> { throw GrammarSupport.notSupported(getPos(), "INSERT OVERWRITE is not supported"); }
    )
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    [
        LOOKAHEAD(<LPAREN> SimpleIdentifier() (<COMMA> | <RPAREN>))
        columns = ParenthesizedSimpleIdentifierList()
    ]
    (
        <DEFAULT_> <VALUES> {
            if (columns.size() > 0) {
                throw GrammarSupport.syntaxError(getPos(), "INSERT ... DEFAULT VALUES takes no column list");
            }
        }
    |
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    {
        return new StatementNode(s.end(this), new InsertStatement(ObjectName.of(name),
            GrammarSupport.distinctNames(columns, "INSERT INTO " + name), query));
    }
}

/** COPY {name | (query)} TO 'location' [[WITH] (option [=] value, ...)]. */
SqlNode QuiverCopy() :
{
    final Span s;
    SqlIdentifier name = null;
    SqlNode query = null;
    final String location;
    Map<String, String> properties = new LinkedHashMap<String, String>();
}
{
    <COPY> { s = span(); }
    (
        <LPAREN> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
    |
        name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    )
    (
        <TO>
    |
        <FROM> {
            throw GrammarSupport.notSupported(getPos(),
                "COPY ... FROM is not supported; use INSERT INTO t SELECT * FROM read_csv('...')");
        }
    )
    location = SimpleStringLiteral()
    [
        <WITH> properties = QuiverProperties()
    |
        properties = QuiverProperties()
    ]
    {
        return new StatementNode(s.end(this), new CopyStatement(name == null ? null : ObjectName.of(name), query,
            location, properties));
    }
}

/** (key [=] value, key, ...): keys lower case; a key alone means true; values as written. */
Map<String, String> QuiverProperties() :
{
    final Map<String, String> properties = new LinkedHashMap<String, String>();
}
{
    <LPAREN>
    QuiverProperty(properties)
    ( <COMMA> QuiverProperty(properties) )*
    <RPAREN>
    {
        return properties;
    }
}

void QuiverProperty(Map<String, String> properties) :
{
    SqlIdentifier key = null;
    String value = "true";
}
{
    (
        key = SimpleIdentifier()
    |
        <SKIP_> { key = new SqlIdentifier("skip", getPos()); }
    |
        <NULL> { key = new SqlIdentifier("null", getPos()); }
    )
    [
        [ <EQ> ]
        value = QuiverPropertyValue()
    ]
    {
        GrammarSupport.addProperty(properties, key, value);
    }
}

/** A string literal as it reads, a number as written, a word (TRUE, FALSE, csv, ...) in lower case. */
String QuiverPropertyValue() :
{
    final String text;
    final SqlIdentifier word;
}
{
    text = SimpleStringLiteral() { return text; }
|
    ( <UNSIGNED_INTEGER_LITERAL> | <DECIMAL_NUMERIC_LITERAL> | <APPROX_NUMERIC_LITERAL> ) { return token.image; }
|
    <TRUE> { return "true"; }
|
    <FALSE> { return "false"; }
|
    word = SimpleIdentifier() { return word.getSimple().toLowerCase(Locale.ROOT); }
}

// ------------------------------------------------------------------------------------------------
// Session statements: USE, SET, RESET, SHOW, DESCRIBE

/** USE [catalog.]schema: the session's current schema. */
SqlNode QuiverUse() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    name = CompoundIdentifier() {
        GrammarSupport.checkParts(name, 2, "schema");
        return new StatementNode(s.end(this), new UseStatement(ObjectName.of(name)));
    }
}

/**
 * SET option {= | TO} value [, value ...], SET option {= | TO} DEFAULT, SET SCHEMA value,
 * SET TIME ZONE value, RESET option, RESET ALL (the template calls this production for SET and
 * RESET, also after ALTER SESSION).
 */
SqlSetOption QuiverSetOption(Span s, String scope) :
{
    SqlIdentifier name;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode value;
}
{
    (
        <SET> { s.add(this); }
        (
            LOOKAHEAD(2)
            <SCHEMA> { name = new SqlIdentifier("schema", getPos()); }
            value = QuiverSettingValue() { values.add(value); }
        |
            LOOKAHEAD(2)
            <TIME> <ZONE> { name = new SqlIdentifier("time_zone", getPos()); }
            value = QuiverSettingValue() { values.add(value); }
        |
            name = CompoundIdentifier()
            ( <EQ> | <TO> )
            (
                <DEFAULT_> { return new SqlSetOption(s.end(this), scope, name, null); }
            |
                value = QuiverSettingValue() { values.add(value); }
                ( <COMMA> value = QuiverSettingValue() { values.add(value); } )*
            )
        )
        {
            return new SqlSetOption(s.end(this), scope, name,
                values.size() == 1 ? values.get(0) : new SqlNodeList(values, s.end(this)));
        }
    |
        <RESET> { s.add(this); }
        (
            <ALL> { name = new SqlIdentifier("all", getPos()); }
        |
            LOOKAHEAD(2) <TIME> <ZONE> { name = new SqlIdentifier("time_zone", getPos()); }
        |
            name = CompoundIdentifier()
        )
        {
            return new SqlSetOption(s.end(this), scope, name, null);
        }
    )
}

/** A value of SET: a string, a number (with its sign), TRUE/FALSE/ON, or a name (perhaps dotted). */
SqlNode QuiverSettingValue() :
{
    final SqlNode literal;
    final SqlIdentifier name;
    boolean negative = false;
}
{
    literal = StringLiteral() { return literal; }
|
    [ <MINUS> { negative = true; } | <PLUS> ]
    literal = UnsignedNumericLiteral() {
        return negative ? SqlLiteral.createNegative((SqlNumericLiteral) literal, getPos()) : literal;
    }
|
    <TRUE> { return SqlLiteral.createBoolean(true, getPos()); }
|
    <FALSE> { return SqlLiteral.createBoolean(false, getPos()); }
|
    <ON> { return SqlLiteral.createBoolean(true, getPos()); }
|
    name = CompoundIdentifier() { return name; }
}

/**
 * SHOW CATALOGS, SHOW SCHEMAS [FROM catalog] [LIKE 'p'], SHOW TABLES [FROM [catalog.]schema]
 * [LIKE 'p'], SHOW COLUMNS FROM table, SHOW FUNCTIONS [LIKE 'p'], SHOW CREATE {TABLE | VIEW} name,
 * SHOW SESSION, SHOW ALL, SHOW option.
 */
SqlNode QuiverShow() :
{
    final Span s;
    SqlIdentifier name = null;
    String like = null;
    final ShowStatement.Kind kind;
}
{
    <SHOW> { s = span(); }
    (
        LOOKAHEAD(1) <CATALOGS> { kind = ShowStatement.Kind.CATALOGS; }
        [ like = QuiverLike() ]
    |
        LOOKAHEAD(1) <SCHEMAS> { kind = ShowStatement.Kind.SCHEMAS; }
        [ ( <FROM> | <IN> ) name = CompoundIdentifier() { GrammarSupport.checkParts(name, 1, "catalog"); } ]
        [ like = QuiverLike() ]
    |
        LOOKAHEAD(1) <TABLES> { kind = ShowStatement.Kind.TABLES; }
        [ ( <FROM> | <IN> ) name = CompoundIdentifier() { GrammarSupport.checkParts(name, 2, "schema"); } ]
        [ like = QuiverLike() ]
    |
        LOOKAHEAD(1) <COLUMNS> { kind = ShowStatement.Kind.COLUMNS; }
        ( <FROM> | <IN> ) name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    |
        LOOKAHEAD(1) <FUNCTIONS> { kind = ShowStatement.Kind.FUNCTIONS; }
        [ like = QuiverLike() ]
    |
        <CREATE>
        (
            <TABLE> { kind = ShowStatement.Kind.CREATE_TABLE; }
        |
            <VIEW> { kind = ShowStatement.Kind.CREATE_VIEW; }
        )
        name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    |
        LOOKAHEAD(1) <SESSION> { kind = ShowStatement.Kind.SESSION; }
    |
        <ALL> { kind = ShowStatement.Kind.SESSION; }
    |
        LOOKAHEAD(2) <TIME> <ZONE> {
            kind = ShowStatement.Kind.SETTING;
            name = new SqlIdentifier("time_zone", getPos());
        }
    |
        name = CompoundIdentifier() { kind = ShowStatement.Kind.SETTING; }
    )
    {
        return new StatementNode(s.end(this), new ShowStatement(kind, name == null ? null : ObjectName.of(name), like));
    }
}

String QuiverLike() :
{
    final String pattern;
}
{
    <LIKE> pattern = SimpleStringLiteral() { return pattern; }
}

/** DESCRIBE [TABLE] name, DESC name: the columns of a table or view. */
SqlNode QuiverDescribe() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    [ <TABLE> ]
    name = CompoundTableIdentifier() {
        GrammarSupport.checkParts(name, 3, "table");
        return new StatementNode(s.end(this), new ShowStatement(ShowStatement.Kind.COLUMNS, ObjectName.of(name), null));
    }
}

// ------------------------------------------------------------------------------------------------
// Types and casts

/**
 * Type names PostgreSQL, DuckDB and Spark users write, besides Calcite's: TEXT and STRING
 * (VARCHAR), BOOL, INT2, INT4, INT8, FLOAT4 (REAL), FLOAT8 (DOUBLE), BYTEA (VARBINARY), and
 * FLOAT [(p)]: REAL for p up to 24, else DOUBLE, as in PostgreSQL.
 */
SqlTypeNameSpec QuiverTypeName() :
{
    final Span s;
    final SqlTypeName type;
    int precision = -1;
}
{
    (
        ( <TEXT> | <STRING> ) { s = span(); type = SqlTypeName.VARCHAR; }
    |
        <BOOL> { s = span(); type = SqlTypeName.BOOLEAN; }
    |
        <INT2> { s = span(); type = SqlTypeName.SMALLINT; }
    |
        <INT4> { s = span(); type = SqlTypeName.INTEGER; }
    |
        <INT8> { s = span(); type = SqlTypeName.BIGINT; }
    |
        <FLOAT4> { s = span(); type = SqlTypeName.REAL; }
    |
        <FLOAT8> { s = span(); type = SqlTypeName.DOUBLE; }
    |
        <BYTEA> { s = span(); type = SqlTypeName.VARBINARY; }
    |
        <FLOAT> { s = span(); }
        [
            <LPAREN> precision = UnsignedIntLiteral() <RPAREN> {
                if (precision < 1 || precision > 53) {
                    throw GrammarSupport.syntaxError(s.end(this),
                        "the precision of FLOAT must be 1 to 53, not " + precision);
                }
            }
        ]
        { type = precision >= 1 && precision <= 24 ? SqlTypeName.REAL : SqlTypeName.DOUBLE; }
    )
    {
        return new SqlBasicTypeNameSpec(type, s.end(this));
    }
}

/**
 * expression :: type, PostgreSQL's cast. The type is a plain type name (no ARRAY or MULTISET
 * suffix), so that "x::INT MULTISET UNION y" stays unambiguous.
 */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlParserPos at;
    final SqlTypeNameSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        at = getPos();
    }
    type = TypeName() {
        list.add(new SqlParserUtil.ToTreeListItem(PostgresCast.INSTANCE, at));
        list.add(new SqlDataTypeSpec(type, type.getParserPos()));
    }
}

// ------------------------------------------------------------------------------------------------
// UPDATE, DELETE, MERGE, TRUNCATE

/** [[AS] alias] after a target table (not a word that starts the next clause). */
SqlIdentifier QuiverTargetAlias() :
{
    final SqlIdentifier alias;
}
{
    <AS> alias = SimpleIdentifier() { return alias; }
|
    alias = SimpleIdentifier() { return alias; }
}

/** column = expression: the column unqualified, as PostgreSQL requires. */
void QuiverAssignment(List<Assignment> assignments) :
{
    final SqlIdentifier column;
    SqlNode value;
}
{
    column = CompoundIdentifier() {
        if (!column.isSimple()) {
            throw GrammarSupport.syntaxError(column.getParserPosition(), "the column to set is named without "
                + "qualification: SET " + column.names.get(column.names.size() - 1) + " = ..., not " + column);
        }
    }
    <EQ>
    (
        <DEFAULT_> { value = SqlStdOperatorTable.DEFAULT.createCall(getPos()); }
    |
        value = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    {
        assignments.add(new Assignment(column.getSimple(), value, column.getParserPosition()));
    }
}

/** UPDATE table [[AS] alias] SET column = expression, ... [WHERE condition]. */
SqlNode QuiverUpdate() :
{
    final Span s;
    final SqlIdentifier name;
    SqlIdentifier alias = null;
    final List<Assignment> assignments = new ArrayList<Assignment>();
    SqlNode condition = null;
}
{
    <UPDATE> { s = span(); }
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    [ alias = QuiverTargetAlias() ]
    <SET>
    QuiverAssignment(assignments)
    ( <COMMA> QuiverAssignment(assignments) )*
    [
        <FROM> {
            throw GrammarSupport.notSupported(getPos(), "UPDATE ... FROM is not supported; read other tables in "
                + "subqueries of SET and WHERE");
        }
    ]
    [ <WHERE> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    {
        GrammarSupport.distinctAssignments(assignments, "UPDATE " + name);
        return new StatementNode(s.end(this), new UpdateStatement(ObjectName.of(name),
            alias == null ? null : alias.getSimple(), assignments, condition));
    }
}

/** DELETE FROM table [[AS] alias] [WHERE condition]. */
SqlNode QuiverDelete() :
{
    final Span s;
    final SqlIdentifier name;
    SqlIdentifier alias = null;
    SqlNode condition = null;
}
{
    <DELETE> { s = span(); }
    <FROM>
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    [ alias = QuiverTargetAlias() ]
    [
        <USING> {
            throw GrammarSupport.notSupported(getPos(), "DELETE ... USING is not supported; read other tables in "
                + "a subquery of WHERE");
        }
    ]
    [ <WHERE> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    {
        return new StatementNode(s.end(this), new DeleteStatement(ObjectName.of(name),
            alias == null ? null : alias.getSimple(), condition));
    }
}

/** TRUNCATE [TABLE] table. */
SqlNode QuiverTruncate() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    name = CompoundTableIdentifier() {
        GrammarSupport.checkParts(name, 3, "table");
        return new StatementNode(s.end(this), new TruncateStatement(ObjectName.of(name)));
    }
}

/** MERGE INTO table [[AS] alias] USING source ON condition (WHEN ...)+. */
SqlNode QuiverMerge() :
{
    final Span s;
    final SqlIdentifier name;
    SqlIdentifier alias = null;
    final SqlNode source;
    final SqlNode on;
    final List<MergeClause> clauses = new ArrayList<MergeClause>();
}
{
    <MERGE> { s = span(); }
    <INTO>
    name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    [ alias = QuiverTargetAlias() ]
    <USING> source = TableRef()
    <ON> on = Expression(ExprContext.ACCEPT_SUB_QUERY)
    ( QuiverMergeClause(clauses, name) )+
    {
        return new StatementNode(s.end(this), new MergeStatement(ObjectName.of(name),
            alias == null ? null : alias.getSimple(), source, on, clauses));
    }
}

/**
 * WHEN MATCHED [AND condition] THEN {UPDATE SET ... | DELETE}, or WHEN NOT MATCHED [AND condition]
 * THEN INSERT [(columns)] VALUES (expressions).
 */
void QuiverMergeClause(List<MergeClause> clauses, SqlIdentifier table) :
{
    final SqlParserPos at;
    SqlNode condition = null;
    final List<Assignment> assignments = new ArrayList<Assignment>();
    SqlNodeList columns = SqlNodeList.EMPTY;
    final List<SqlNode> values = new ArrayList<SqlNode>();
}
{
    <WHEN> { at = getPos(); }
    (
        <MATCHED>
        [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        <THEN>
        (
            <UPDATE> <SET>
            QuiverAssignment(assignments)
            ( <COMMA> QuiverAssignment(assignments) )*
            {
                GrammarSupport.distinctAssignments(assignments, "MERGE INTO " + table);
                clauses.add(new MergeClause.Update(condition, assignments, at));
            }
        |
            <DELETE> { clauses.add(new MergeClause.Delete(condition, at)); }
        |
            <INSERT> {
                throw GrammarSupport.syntaxError(getPos(), "WHEN MATCHED cannot INSERT; use UPDATE or DELETE");
            }
        )
    |
        <NOT> <MATCHED>
        [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        <THEN>
        (
            <INSERT>
            [ columns = ParenthesizedSimpleIdentifierList() ]
            <VALUES> <LPAREN>
            QuiverMergeValue(values)
            ( <COMMA> QuiverMergeValue(values) )*
            <RPAREN>
            {
                clauses.add(new MergeClause.Insert(condition,
                    GrammarSupport.distinctNames(columns, "MERGE INTO " + table), values, at));
            }
        |
            ( <UPDATE> | <DELETE> ) {
                throw GrammarSupport.syntaxError(getPos(), "WHEN NOT MATCHED can only INSERT");
            }
        )
    )
}

void QuiverMergeValue(List<SqlNode> values) :
{
    final SqlNode value;
}
{
    <DEFAULT_> { values.add(SqlStdOperatorTable.DEFAULT.createCall(getPos())); }
|
    value = Expression(ExprContext.ACCEPT_SUB_QUERY) { values.add(value); }
}
