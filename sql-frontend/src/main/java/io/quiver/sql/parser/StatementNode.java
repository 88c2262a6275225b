package io.quiver.sql.parser;

import io.quiver.sql.statement.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The parse tree node of a statement Quiver's grammar adds (CREATE, DROP, INSERT, COPY, EXPLAIN,
 * SHOW, ...): Calcite's generated parser returns {@link SqlNode}s, and this one carries the
 * {@link Statement} its production built. It is never validated or unparsed as SQL.
 */
public final class StatementNode extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("QUIVER STATEMENT", SqlKind.OTHER_DDL);

  private final Statement statement;

  public StatementNode(SqlParserPos pos, Statement statement) {
    super(pos);
    this.statement = statement;
  }

  public Statement statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.print(statement.getClass().getSimpleName());
  }
}
