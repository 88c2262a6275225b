<#--
  Authorization statements: GRANT, REVOKE and SHOW GRANTS (io.quiver.sql.statement.GrantStatement,
  ShowGrantsStatement). Kept apart from parserImpls.ftl; config.fmpp lists both.
-->

// ------------------------------------------------------------------------------------------------
// GRANT, REVOKE, SHOW GRANTS

/** GRANT privileges [ON object] TO grantee [, grantee]*. */
SqlNode QuiverGrant() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
    final GrantStatement.ObjectKind[] kind = { null };
    SqlIdentifier object = null;
    final List<String> grantees = new ArrayList<String>();
}
{
    <GRANT> { s = span(); }
    QuiverPrivileges(privileges, positions)
    [ <ON> object = QuiverGrantObject(kind) ]
    <TO> QuiverGrantee(grantees) ( <COMMA> QuiverGrantee(grantees) )*
    {
        return new StatementNode(s.end(this), new GrantStatement(false, privileges, positions, kind[0],
            object == null ? null : ObjectName.of(object), grantees, s.pos()));
    }
}

/** REVOKE privileges [ON object] FROM grantee [, grantee]*. */
SqlNode QuiverRevoke() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
    final GrantStatement.ObjectKind[] kind = { null };
    SqlIdentifier object = null;
    final List<String> grantees = new ArrayList<String>();
}
{
    <REVOKE> { s = span(); }
    QuiverPrivileges(privileges, positions)
    [ <ON> object = QuiverGrantObject(kind) ]
    <FROM> QuiverGrantee(grantees) ( <COMMA> QuiverGrantee(grantees) )*
    {
        return new StatementNode(s.end(this), new GrantStatement(true, privileges, positions, kind[0],
            object == null ? null : ObjectName.of(object), grantees, s.pos()));
    }
}

/** ALL [PRIVILEGES] (an empty list), or privilege [, privilege]*. */
void QuiverPrivileges(List<String> privileges, List<SqlParserPos> positions) :
{
}
{
    <ALL> [ <PRIVILEGES> ]
|
    QuiverPrivilege(privileges, positions) ( <COMMA> QuiverPrivilege(privileges, positions) )*
}

/** One privilege: a statement's keyword, or a name the engine checks (FILES). */
void QuiverPrivilege(List<String> privileges, List<SqlParserPos> positions) :
{
    final SqlIdentifier name;
}
{
    <SELECT> { privileges.add("SELECT"); positions.add(getPos()); }
|
    <INSERT> { privileges.add("INSERT"); positions.add(getPos()); }
|
    <UPDATE> { privileges.add("UPDATE"); positions.add(getPos()); }
|
    <DELETE> { privileges.add("DELETE"); positions.add(getPos()); }
|
    <CREATE> { privileges.add("CREATE"); positions.add(getPos()); }
|
    <DROP> { privileges.add("DROP"); positions.add(getPos()); }
|
    name = SimpleIdentifier() { privileges.add(name.getSimple()); positions.add(name.getParserPosition()); }
}

/** CATALOG name, SCHEMA [catalog.]schema, or [TABLE | VIEW] [[catalog.]schema.]name. */
SqlIdentifier QuiverGrantObject(GrantStatement.ObjectKind[] kind) :
{
    final SqlIdentifier name;
}
{
    (
        LOOKAHEAD(2) <CATALOG> { kind[0] = GrantStatement.ObjectKind.CATALOG; }
        name = SimpleIdentifier()
    |
        LOOKAHEAD(2) <SCHEMA> { kind[0] = GrantStatement.ObjectKind.SCHEMA; }
        name = CompoundIdentifier() { GrammarSupport.checkParts(name, 2, "schema"); }
    |
        [
            <TABLE> { kind[0] = GrantStatement.ObjectKind.TABLE; }
        |
            <VIEW> { kind[0] = GrantStatement.ObjectKind.VIEW; }
        ]
        name = CompoundTableIdentifier() { GrammarSupport.checkParts(name, 3, "table"); }
    )
    { return name; }
}

/** PUBLIC or a user or role name. */
void QuiverGrantee(List<String> grantees) :
{
    final SqlIdentifier name;
}
{
    LOOKAHEAD(1) <PUBLIC> { grantees.add(GrantStatement.PUBLIC); }
|
    name = SimpleIdentifier() { grantees.add(name.getSimple()); }
}

/** SHOW GRANTS [FOR name]. */
SqlNode QuiverShowGrants() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <SHOW> { s = span(); }
    <GRANTS>
    [
        <FOR>
        (
            LOOKAHEAD(1) <PUBLIC> { name = new SqlIdentifier(GrantStatement.PUBLIC, getPos()); }
        |
            name = SimpleIdentifier()
        )
    ]
    {
        return new StatementNode(s.end(this), new ShowGrantsStatement(name == null ? null : name.getSimple()));
    }
}
