<#--
  Dotted names. The template asks for these four productions when includeCompoundIdentifier is
  false; Quiver defines them so that a part after a dot may also be the reserved word DEFAULT
  (memory.default.t, the memory catalog's first schema, written as Spark and Trino users write it).
-->

/** The parts after the first: ".part" repeated, where a part may be DEFAULT. */
void QuiverDottedParts(List<String> names, List<SqlParserPos> positions) :
{
}
{
    (
        LOOKAHEAD(2)
        <DOT>
        (
            AddIdentifierSegment(names, positions)
        |
            <DEFAULT_> { names.add(unquotedIdentifier()); positions.add(getPos()); }
        )
    )*
}

/** A name of one or more parts, or one ending in ".*" (all columns of a table). */
SqlIdentifier CompoundIdentifier() :
{
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
    boolean allColumns = false;
}
{
    AddIdentifierSegment(names, positions)
    QuiverDottedParts(names, positions)
    [
        LOOKAHEAD(2)
        <DOT> <STAR> {
            allColumns = true;
            names.add("");
            positions.add(getPos());
        }
    ]
    {
        return allColumns
            ? SqlIdentifier.star(names, SqlParserPos.sum(positions), positions)
            : new SqlIdentifier(names, null, SqlParserPos.sum(positions), positions);
    }
}

/** The name of a table, as it follows FROM, INSERT INTO, UPDATE. */
SqlIdentifier CompoundTableIdentifier() :
{
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
}
{
    AddTableIdentifierSegment(names, positions)
    QuiverDottedParts(names, positions)
    {
        return new SqlIdentifier(names, null, SqlParserPos.sum(positions), positions);
    }
}

/** Names, each perhaps with a type (for EXTEND), separated by commas. */
void AddCompoundIdentifierTypes(List<SqlNode> list, List<SqlNode> extendList) :
{
}
{
    AddCompoundIdentifierType(list, extendList)
    ( <COMMA> AddCompoundIdentifierType(list, extendList) )*
}

/** "(" names ")": the names, and the typed ones again as an EXTEND list. */
Pair<SqlNodeList, SqlNodeList> ParenthesizedCompoundIdentifierList() :
{
    final Span span;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    final List<SqlNode> extendList = new ArrayList<SqlNode>();
}
{
    <LPAREN> { span = span(); }
    AddCompoundIdentifierTypes(list, extendList)
    <RPAREN> {
        final SqlParserPos pos = span.end(this);
        return Pair.of(new SqlNodeList(list, pos), new SqlNodeList(extendList, pos));
    }
}
