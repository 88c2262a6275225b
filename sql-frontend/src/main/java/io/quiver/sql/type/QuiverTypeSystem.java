package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Quiver's result types (see the project's SQL semantics): decimals up to precision 38, sum and avg
 * types as PostgreSQL and Spark users expect, decimal addition, multiplication and division widened
 * the Spark way (integer digits first when 38 digits do not suffice, yet never fewer fraction digits
 * than {@link #MIN_PRODUCT_SCALE} or {@link #MIN_QUOTIENT_SCALE}).
 */
public final class QuiverTypeSystem extends RelDataTypeSystemImpl {

  public static final QuiverTypeSystem INSTANCE = new QuiverTypeSystem();

  /** Largest decimal precision and scale; the executor holds decimals in Arrow Decimal128. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** Fraction digits a product keeps at least when its exact type needs more than 38 digits (Spark). */
  public static final int MIN_PRODUCT_SCALE = 6;

  /**
   * Fraction digits a quotient keeps at least when its exact type needs more than 38 digits. Spark
   * keeps 6, which makes a ratio of two sums (DECIMAL(38, s) each) lose its last digits; PostgreSQL
   * gives at least 16 significant digits: 18 keeps ratios exact to DOUBLE's precision and leaves 20
   * integer digits.
   */
  public static final int MIN_QUOTIENT_SCALE = 18;

  private QuiverTypeSystem() {
  }

  /**
   * Fraction digits of TIME and TIMESTAMP: microseconds, as in PostgreSQL and as the executor holds
   * them (Arrow microsecond vectors). Calcite's default of 3 would round a literal such as
   * {@code TIMESTAMP '2024-01-31 10:11:12.123456'} to milliseconds.
   */
  public static final int MAX_FRACTIONAL_SECOND_PRECISION = 6;

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return MAX_DECIMAL_PRECISION;
      case TIME:
      case TIME_WITH_LOCAL_TIME_ZONE:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return MAX_FRACTIONAL_SECOND_PRECISION;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return MAX_DECIMAL_PRECISION;
    }
    return super.getMaxScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    // 'a' and 'abc' in one CASE or UNION become VARCHAR, not space-padded CHAR(3).
    return true;
  }

  /** sum(integer kinds): BIGINT; sum(DECIMAL(p, s)): DECIMAL(38, s); sum(REAL/DOUBLE): DOUBLE. */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName name = argumentType.getSqlTypeName();
    RelDataType result;
    if (SqlTypeUtil.isIntType(argumentType)) {
      result = typeFactory.createSqlType(SqlTypeName.BIGINT);
    } else if (name == SqlTypeName.DECIMAL) {
      result = typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
          argumentType.getScale());
    } else if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
      result = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      return super.deriveSumType(typeFactory, argumentType);
    }
    return typeFactory.createTypeWithNullability(result, argumentType.isNullable());
  }

  /**
   * avg(integer kinds): DOUBLE; avg(DECIMAL(p, s)): DECIMAL(min(38, p + 4), min(38, s + 4));
   * avg(REAL/DOUBLE): DOUBLE.
   */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName name = argumentType.getSqlTypeName();
    RelDataType result;
    if (name == SqlTypeName.DECIMAL) {
      result = typeFactory.createSqlType(SqlTypeName.DECIMAL,
          Math.min(MAX_DECIMAL_PRECISION, argumentType.getPrecision() + 4),
          Math.min(MAX_DECIMAL_PRECISION, argumentType.getScale() + 4));
    } else if (SqlTypeUtil.isIntType(argumentType) || SqlTypeUtil.isApproximateNumeric(argumentType)) {
      result = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      return super.deriveAvgAggType(typeFactory, argumentType);
    }
    return typeFactory.createTypeWithNullability(result, argumentType.isNullable());
  }

  /**
   * DECIMAL(p1, s1) + DECIMAL(p2, s2): DECIMAL(max(s1, s2) + max(p1 - s1, p2 - s2) + 1, max(s1, s2)),
   * precision capped at 38. Integers take part as DECIMAL(10, 0) / DECIMAL(19, 0).
   */
  @Override
  public RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory, RelDataType type1,
      RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    int scale = Math.max(type1.getScale(), type2.getScale());
    int integerDigits = Math.max(type1.getPrecision() - type1.getScale(),
        type2.getPrecision() - type2.getScale());
    int precision = Math.min(MAX_DECIMAL_PRECISION, scale + integerDigits + 1);
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, Math.min(scale, precision));
  }

  /**
   * DECIMAL(p1, s1) * DECIMAL(p2, s2): DECIMAL(p1 + p2, s1 + s2); beyond 38 digits the integer
   * digits are kept and the scale shrinks, but not below min(s1 + s2, 6) (Spark's rule).
   */
  @Override
  public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1,
      RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    int scale = type1.getScale() + type2.getScale();
    int integerDigits = type1.getPrecision() - type1.getScale() + type2.getPrecision() - type2.getScale();
    return bounded(typeFactory, integerDigits, scale, MIN_PRODUCT_SCALE);
  }

  /**
   * DECIMAL(p1, s1) / DECIMAL(p2, s2): integer digits p1 - s1 + s2 and scale max(6, s1 + p2 + 1)
   * (Spark, SQL Server), but at least {@link #MIN_QUOTIENT_SCALE} where 38 digits leave room (as
   * PostgreSQL gives a quotient at least 16 significant digits); beyond 38 digits the integer digits
   * are kept and the scale shrinks, but not below min(scale, {@link #MIN_QUOTIENT_SCALE}). Rounded
   * HALF_UP.
   */
  @Override
  public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1,
      RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    int integerDigits = type1.getPrecision() - type1.getScale() + type2.getScale();
    int scale = Math.max(Math.max(6, type1.getScale() + type2.getPrecision() + 1),
        Math.min(MIN_QUOTIENT_SCALE, MAX_DECIMAL_PRECISION - integerDigits));
    return bounded(typeFactory, integerDigits, scale, MIN_QUOTIENT_SCALE);
  }

  /** DECIMAL(integerDigits + scale, scale), or within 38 digits as the rules above say. */
  private static RelDataType bounded(RelDataTypeFactory typeFactory, int integerDigits, int scale, int minimumScale) {
    if (integerDigits + scale <= MAX_DECIMAL_PRECISION) {
      return typeFactory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, integerDigits + scale), scale);
    }
    int kept = Math.max(MAX_DECIMAL_PRECISION - integerDigits, Math.min(scale, minimumScale));
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, Math.min(kept, MAX_DECIMAL_PRECISION));
  }

  private static boolean isDecimalArithmetic(RelDataType type1, RelDataType type2) {
    return SqlTypeUtil.isExactNumeric(type1) && SqlTypeUtil.isExactNumeric(type2)
        && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
  }
}
