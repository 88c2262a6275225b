package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The columns of a set operation (UNION, INTERSECT, EXCEPT) must meet in one type. Calcite's
 * validator lets a number meet a date (and then cannot convert the query); Quiver, like
 * PostgreSQL, calls that a type mismatch (SQLState 42804) at the second input. Numbers of any kinds
 * widen to one, a date meets a timestamp, and any type meets text (as DuckDB casts it).
 */
final class SetOperationTypes {

  private SetOperationTypes() {
  }

  static void check(SqlNode validated, SqlValidator validator) {
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.UNION || kind == SqlKind.INTERSECT || kind == SqlKind.EXCEPT)
            && call.operandCount() == 2) {
          RelDataType left = validator.getValidatedNodeTypeIfKnown(call.operand(0));
          RelDataType right = validator.getValidatedNodeTypeIfKnown(call.operand(1));
          if (left != null && right != null && left.getFieldCount() == right.getFieldCount()) {
            for (int i = 0; i < left.getFieldCount(); i++) {
              RelDataType leftType = left.getFieldList().get(i).getType();
              RelDataType rightType = right.getFieldList().get(i).getType();
              if (!compatible(leftType, rightType)) {
                SqlNode at = call.operand(1);
                throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, "Type mismatch in column "
                    + (i + 1) + " of " + kind.sql.toUpperCase(Locale.ROOT) + ": " + leftType.getSqlTypeName()
                    + " and " + rightType.getSqlTypeName() + " cannot be matched",
                    at.getParserPosition().getLineNum(), at.getParserPosition().getColumnNum(), null);
              }
            }
          }
        }
        return super.visit(call);
      }
    });
  }

  private static boolean compatible(RelDataType left, RelDataType right) {
    if (SqlTypeUtil.inCharFamily(left) || SqlTypeUtil.inCharFamily(right)
        || SqlTypeUtil.isNull(left) || SqlTypeUtil.isNull(right)) {
      return true;
    }
    return family(left).equals(family(right));
  }

  private static String family(RelDataType type) {
    if (SqlTypeUtil.isNumeric(type)) {
      return "number";
    }
    SqlTypeFamily family = type.getSqlTypeName().getFamily();
    if (family == SqlTypeFamily.DATE || family == SqlTypeFamily.TIMESTAMP) {
      return "date or timestamp";
    }
    return family == null ? type.getSqlTypeName().name() : family.name();
  }
}
