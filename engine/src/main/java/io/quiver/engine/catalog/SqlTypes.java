package io.quiver.engine.catalog;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.avatica.util.TimeUnit;

/** Converts between Quiver's {@link DataType} and Calcite's {@link RelDataType} for catalog columns. */
public final class SqlTypes {

  private SqlTypes() {
  }

  /** The Calcite type of a column of type {@code type}. */
  public static RelDataType toRelDataType(RelDataTypeFactory factory, DataType type, boolean nullable) {
    RelDataType result;
    switch (type.kind()) {
      case DECIMAL:
        result = factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
        break;
      case CHAR:
        result = factory.createSqlType(SqlTypeName.CHAR, type.precision());
        break;
      case VARCHAR:
        result = type.precision() < 0
            ? factory.createSqlType(SqlTypeName.VARCHAR)
            : factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
        break;
      case INTERVAL_DAY_TIME:
        result = factory.createSqlIntervalType(
            new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        break;
      case INTERVAL_YEAR_MONTH:
        result = factory.createSqlIntervalType(
            new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
        break;
      default:
        result = factory.createSqlType(sqlTypeName(type.kind()));
        break;
    }
    return factory.createTypeWithNullability(result, nullable);
  }

  /** The Quiver type of a Calcite column type. */
  public static DataType toDataType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN:
        return DataType.BOOLEAN;
      case TINYINT:
        return DataType.TINYINT;
      case SMALLINT:
        return DataType.SMALLINT;
      case INTEGER:
        return DataType.INTEGER;
      case BIGINT:
        return DataType.BIGINT;
      case REAL:
        return DataType.REAL;
      case FLOAT:
      case DOUBLE:
        return DataType.DOUBLE;
      case DECIMAL:
        return DataType.decimal(type.getPrecision(), type.getScale());
      case CHAR:
        return DataType.character(type.getPrecision());
      case VARCHAR:
        return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
            ? DataType.VARCHAR : DataType.varchar(type.getPrecision());
      case BINARY:
      case VARBINARY:
        return DataType.VARBINARY;
      case DATE:
        return DataType.DATE;
      case TIME:
        return DataType.TIME;
      case TIMESTAMP:
        return DataType.TIMESTAMP;
      case NULL:
        return DataType.NULL;
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
          return DataType.INTERVAL_YEAR_MONTH;
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
          return DataType.INTERVAL_DAY_TIME;
        }
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "type " + type.getFullTypeString() + " is not supported");
    }
  }

  private static SqlTypeName sqlTypeName(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return SqlTypeName.BOOLEAN;
      case TINYINT:
        return SqlTypeName.TINYINT;
      case SMALLINT:
        return SqlTypeName.SMALLINT;
      case INTEGER:
        return SqlTypeName.INTEGER;
      case BIGINT:
        return SqlTypeName.BIGINT;
      case REAL:
        return SqlTypeName.REAL;
      case DOUBLE:
        return SqlTypeName.DOUBLE;
      case VARBINARY:
        return SqlTypeName.VARBINARY;
      case DATE:
        return SqlTypeName.DATE;
      case TIME:
        return SqlTypeName.TIME;
      case TIMESTAMP:
        return SqlTypeName.TIMESTAMP;
      case NULL:
        return SqlTypeName.NULL;
      default:
        throw new IllegalArgumentException("no plain SQL type for " + kind);
    }
  }
}
