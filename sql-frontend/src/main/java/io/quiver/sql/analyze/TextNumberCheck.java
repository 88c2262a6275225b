package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * After validation: a comparison of text with a number, where the text is not a literal that is a
 * number, is a type error at its position (42804) rather than a cast that fails while the query
 * runs (PostgreSQL: {@code 'abc' > 1} is rejected before any row is read; {@code '10' > 1} compares
 * numbers).
 */
final class TextNumberCheck extends SqlBasicVisitor<Void> {

  private final SqlValidator validator;

  TextNumberCheck(SqlValidator validator) {
    this.validator = validator;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind().belongsTo(SqlKind.COMPARISON) && call.operandCount() == 2) {
      check(call, call.operand(0), call.operand(1));
      check(call, call.operand(1), call.operand(0));
    }
    return super.visit(call);
  }

  private void check(SqlCall call, SqlNode text, SqlNode other) {
    RelDataType textType = validator.getValidatedNodeTypeIfKnown(text);
    RelDataType otherType = validator.getValidatedNodeTypeIfKnown(other);
    if (textType == null || otherType == null || !SqlTypeUtil.isCharacter(textType)
        || !(SqlTypeUtil.isNumeric(otherType) || SqlTypeUtil.isBoolean(otherType))) {
      return;
    }
    if (text instanceof SqlLiteral literal && io.quiver.sql.type.QuiverTypeCoercion.isNumberText(literal.getValueAs(String.class))) {
      return;
    }
    SqlParserPos position = call.getParserPosition();
    String what = text instanceof SqlLiteral literal ? "'" + literal.getValueAs(String.class) + "'" : textType.toString();
    throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION,
        "Cannot compare " + what + " (" + textType + ") with " + otherType + " using '" + call.getOperator().getName()
        + "': text is compared with a number only as a literal that is one",
        position.getLineNum(), position.getColumnNum(), null);
  }
}
