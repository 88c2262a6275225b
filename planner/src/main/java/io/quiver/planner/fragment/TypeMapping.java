package io.quiver.planner.fragment;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite types to Quiver's {@link DataType}s and back. */
public final class TypeMapping {

  private TypeMapping() {
  }

  /**
   * @throws QuiverException NOT_SUPPORTED for a type the executor has no representation for
   */
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
        return DataType.varchar(type.getPrecision() < 0 ? -1 : type.getPrecision());
      case BINARY:
      case VARBINARY:
        return DataType.VARBINARY;
      case DATE:
        return DataType.DATE;
      case TIME:
        return DataType.TIME;
      case TIMESTAMP:
        return DataType.TIMESTAMP;
      case INTERVAL_YEAR:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_MONTH:
        return DataType.INTERVAL_YEAR_MONTH;
      case INTERVAL_DAY:
      case INTERVAL_DAY_HOUR:
      case INTERVAL_DAY_MINUTE:
      case INTERVAL_DAY_SECOND:
      case INTERVAL_HOUR:
      case INTERVAL_HOUR_MINUTE:
      case INTERVAL_HOUR_SECOND:
      case INTERVAL_MINUTE:
      case INTERVAL_MINUTE_SECOND:
      case INTERVAL_SECOND:
        return DataType.INTERVAL_DAY_TIME;
      case NULL:
        return DataType.NULL;
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Type " + type.getFullTypeString()
            + " is not supported");
    }
  }

  /** The columns of a row type, with their names as Calcite gives them. */
  public static RowSchema toRowSchema(RelDataType rowType) {
    List<Column> columns = new ArrayList<>(rowType.getFieldCount());
    for (RelDataTypeField field : rowType.getFieldList()) {
      columns.add(new Column(field.getName(), toDataType(field.getType()), field.getType().isNullable()));
    }
    return new RowSchema(columns);
  }

  /** The Calcite type of a Quiver type (for the intermediate columns of partial aggregates). */
  public static RelDataType toRelDataType(RelDataTypeFactory typeFactory, DataType type,
      boolean nullable) {
    RelDataType result;
    switch (type.kind()) {
      case DECIMAL:
        result = typeFactory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
        break;
      case CHAR:
        result = typeFactory.createSqlType(SqlTypeName.CHAR, type.precision());
        break;
      case VARCHAR:
        result = type.precision() < 0
            ? typeFactory.createSqlType(SqlTypeName.VARCHAR)
            : typeFactory.createSqlType(SqlTypeName.VARCHAR, type.precision());
        break;
      case INTERVAL_DAY_TIME:
        result = typeFactory.createSqlIntervalType(
            new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        break;
      case INTERVAL_YEAR_MONTH:
        result = typeFactory.createSqlIntervalType(
            new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
        break;
      default:
        result = typeFactory.createSqlType(SqlTypeName.valueOf(type.kind().name()));
        break;
    }
    return typeFactory.createTypeWithNullability(result, nullable);
  }
}
