package io.quiver.engine.ddl;

import io.quiver.exec.type.DataType;
import io.quiver.sql.statement.ObjectName;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Query trees the statements build around the queries users wrote (parse trees, not text: the
 * user's query keeps its positions). Identifiers made here are exact names.
 */
final class QueryNodes {

  private static final SqlParserPos HERE = SqlParserPos.ZERO;

  private QueryNodes() {
  }

  /** {@code SELECT * FROM name}. */
  static SqlSelect selectAll(ObjectName name) {
    return select(SqlNodeList.of(SqlIdentifier.star(HERE)), new SqlIdentifier(name.parts(), HERE), null);
  }

  /** {@code SELECT items FROM from [WHERE where]}. */
  static SqlSelect select(SqlNodeList items, SqlNode from, SqlNode where) {
    return new SqlSelect(HERE, null, items, from, where, null, null, null, null, null, null, null, null);
  }

  /** {@code expression AS name}. */
  static SqlNode as(SqlNode expression, String name) {
    return SqlStdOperatorTable.AS.createCall(HERE, expression, new SqlIdentifier(name, HERE));
  }

  /** {@code (query) AS alias(column, ...)}. */
  static SqlNode derivedTable(SqlNode query, String alias, List<String> columns) {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(query);
    operands.add(new SqlIdentifier(alias, HERE));
    for (String column : columns) {
      operands.add(new SqlIdentifier(column, HERE));
    }
    return SqlStdOperatorTable.AS.createCall(HERE, operands);
  }

  static SqlIdentifier column(String name) {
    return new SqlIdentifier(name, HERE);
  }

  /** {@code CAST(expression AS type)}; a null expression is a typed NULL. */
  static SqlNode cast(SqlNode expression, DataType type) {
    SqlNode value = expression == null ? SqlLiteral.createNull(HERE) : expression;
    return SqlStdOperatorTable.CAST.createCall(HERE, value, typeSpec(type));
  }

  /** The type as a CAST target. */
  static SqlDataTypeSpec typeSpec(DataType type) {
    SqlBasicTypeNameSpec name;
    switch (type.kind()) {
      case DECIMAL:
        name = new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.precision(), type.scale(), HERE);
        break;
      case CHAR:
        name = new SqlBasicTypeNameSpec(SqlTypeName.CHAR, type.precision(), HERE);
        break;
      case VARCHAR:
        name = new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, type.precision(), HERE);
        break;
      case TIME:
        name = new SqlBasicTypeNameSpec(SqlTypeName.TIME, 6, HERE);
        break;
      case TIMESTAMP:
        name = new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 6, HERE);
        break;
      default:
        name = new SqlBasicTypeNameSpec(SqlTypeName.valueOf(type.kind().name()), HERE);
    }
    return new SqlDataTypeSpec(name, HERE);
  }

  /** {@code catalog.schema.table AS alias}. */
  static SqlNode table(List<String> qualified, String alias) {
    return SqlStdOperatorTable.AS.createCall(HERE, new SqlIdentifier(qualified, HERE), new SqlIdentifier(alias, HERE));
  }

  /** {@code alias.*}. */
  static SqlIdentifier star(String alias) {
    return SqlIdentifier.star(List.of(alias, ""), HERE, List.of(HERE, HERE));
  }

  /** {@code alias.column}. */
  static SqlIdentifier column(String alias, String column) {
    return new SqlIdentifier(List.of(alias, column), HERE);
  }

  static SqlNode literal(boolean value) {
    return SqlLiteral.createBoolean(value, HERE);
  }

  static SqlNode literal(int value) {
    return SqlLiteral.createExactNumeric(Integer.toString(value), HERE);
  }

  /** {@code (condition) IS TRUE}. */
  static SqlNode isTrue(SqlNode condition) {
    return SqlStdOperatorTable.IS_TRUE.createCall(HERE, condition);
  }

  /** {@code (condition) IS NOT TRUE}: false or NULL. */
  static SqlNode isNotTrue(SqlNode condition) {
    return SqlStdOperatorTable.IS_NOT_TRUE.createCall(HERE, condition);
  }

  static SqlNode and(SqlNode left, SqlNode right) {
    return SqlStdOperatorTable.AND.createCall(HERE, left, right);
  }

  static SqlNode or(SqlNode left, SqlNode right) {
    return SqlStdOperatorTable.OR.createCall(HERE, left, right);
  }

  static SqlNode not(SqlNode condition) {
    return SqlStdOperatorTable.NOT.createCall(HERE, condition);
  }

  static SqlNode equal(SqlNode left, SqlNode right) {
    return SqlStdOperatorTable.EQUALS.createCall(HERE, left, right);
  }

  /** {@code EXISTS (SELECT 1 FROM from WHERE where)}. */
  static SqlNode exists(SqlNode from, SqlNode where) {
    return SqlStdOperatorTable.EXISTS.createCall(HERE, select(SqlNodeList.of(literal(1)), from, where));
  }

  /** {@code CASE WHEN w1 THEN t1 ... ELSE otherwise END}. */
  static SqlNode caseWhen(List<SqlNode> whens, List<SqlNode> thens, SqlNode otherwise) {
    return new SqlCase(HERE, null, new SqlNodeList(whens, HERE), new SqlNodeList(thens, HERE), otherwise);
  }

  /** {@code left [INNER] JOIN right ON condition}. */
  static SqlNode join(SqlNode left, SqlNode right, SqlNode condition) {
    return new SqlJoin(HERE, left, SqlLiteral.createBoolean(false, HERE), JoinType.INNER.symbol(HERE), right,
        JoinConditionType.ON.symbol(HERE), condition);
  }

  /** {@code first UNION ALL second}. */
  static SqlNode unionAll(SqlNode first, SqlNode second) {
    return SqlStdOperatorTable.UNION_ALL.createCall(HERE, first, second);
  }
}
