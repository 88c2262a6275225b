package io.quiver.sql.analyze;

import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.util.Optionality;

/**
 * Aggregate functions the validator knows besides Calcite's standard ones, and the statistical ones
 * whose type Quiver defines differently: the variance and covariance family and CORR return DOUBLE
 * for every numeric argument (the standard makes them approximate numeric; Calcite would give a
 * DECIMAL argument a DECIMAL result and overflow it), MEDIAN(x) is PERCENTILE_CONT(0.5) WITHIN GROUP
 * (ORDER BY x). The binary ones refuse DISTINCT, as the standard gives them no set quantifier.
 * Of kind OTHER_FUNCTION: where Calcite's standard table has an operator of the same name, the
 * validator's lookup of a function call by kind then picks this one, and Calcite's rules that
 * rewrite STDDEV and its kin into sums of squares (numerically unstable) leave them alone.
 */
public final class AggregateOperators {

  private AggregateOperators() {
  }

  private static SqlAggFunction statistic(String name) {
    return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION,
        ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.NUMERIC);
  }

  private static SqlAggFunction binaryStatistic(String name) {
    return new BinaryStatistic(name);
  }

  /** COVAR_POP, COVAR_SAMP, CORR: DOUBLE of two numbers, without DISTINCT or ALL. */
  private static final class BinaryStatistic extends SqlAggFunction {
    BinaryStatistic(String name) {
      super(name, null, SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
          OperandTypes.NUMERIC_NUMERIC, SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }

    @Override
    public boolean isQuantifierAllowed() {
      return false;
    }
  }

  /**
   * PERCENTILE_CONT returning DOUBLE (the standard's approximate numeric; Calcite's returns the
   * ORDER BY column's type, which would cut an interpolated value). The parser builds Calcite's
   * operator itself, so {@link #standardTypes} swaps it in before validation.
   */
  public static final SqlAggFunction PERCENTILE_CONT = SqlBasicAggFunction
      .create(SqlKind.PERCENTILE_CONT, ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE),
          OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
      .withFunctionType(SqlFunctionCategory.SYSTEM)
      .withGroupOrder(Optionality.MANDATORY)
      .withPercentile(true)
      .withAllowsFraming(false);

  /** Replaces, in a parsed query, the operators whose types Quiver defines differently. */
  public static SqlNode standardTypes(SqlNode query) {
    return query.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited != null && visited.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT) {
          return PERCENTILE_CONT.createCall(visited.getFunctionQuantifier(), visited.getParserPosition(),
              visited.getOperandList().toArray(new SqlNode[0]));
        }
        return visited;
      }
    });
  }

  public static final SqlOperatorTable TABLE = SqlOperatorTables.of(List.of(
      statistic("STDDEV"),
      statistic("STDDEV_SAMP"),
      statistic("STDDEV_POP"),
      statistic("VARIANCE"),
      statistic("VAR_SAMP"),
      statistic("VAR_POP"),
      statistic("MEDIAN"),
      binaryStatistic("COVAR_POP"),
      binaryStatistic("COVAR_SAMP"),
      binaryStatistic("CORR"),
      SqlLibraryOperators.BOOL_AND,
      SqlLibraryOperators.BOOL_OR,
      SqlLibraryOperators.STRING_AGG));
}
