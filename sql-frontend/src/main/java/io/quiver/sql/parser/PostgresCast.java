package io.quiver.sql.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's cast, {@code expression :: type}, as the grammar's operator list sees it: a binary
 * operator that binds tighter than arithmetic (as in PostgreSQL). The call it makes is the
 * standard {@code CAST(expression AS type)}, so the validator, the planner and the error messages
 * know only one cast.
 */
public final class PostgresCast extends SqlBinaryOperator {

  public static final PostgresCast INSTANCE = new PostgresCast();

  private PostgresCast() {
    super("::", SqlKind.CAST, 94, true, null, null, null);
  }

  @Override
  public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos, SqlNode... operands) {
    return SqlStdOperatorTable.CAST.createCall(pos, operands);
  }
}
