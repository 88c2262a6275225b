package io.quiver.engine.ddl;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import io.quiver.sql.statement.ColumnDefinition;
import java.util.ArrayList;
import java.util.List;

/** The executor's types of declared columns. */
public final class ColumnTypes {

  private ColumnTypes() {
  }

  public static List<Column> columns(List<ColumnDefinition> definitions) {
    List<Column> columns = new ArrayList<>(definitions.size());
    for (ColumnDefinition definition : definitions) {
      columns.add(new Column(definition.name(), type(definition), !definition.notNull()));
    }
    return columns;
  }

  static DataType type(ColumnDefinition definition) {
    switch (definition.type()) {
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
      case DOUBLE:
        return DataType.DOUBLE;
      case DECIMAL:
        return DataType.decimal(definition.precision(), Math.max(0, definition.scale()));
      case CHAR:
        return DataType.character(Math.max(1, definition.precision()));
      case VARCHAR:
        return definition.precision() < 0 ? DataType.VARCHAR : DataType.varchar(definition.precision());
      case VARBINARY:
        return DataType.VARBINARY;
      case DATE:
        return DataType.DATE;
      case TIME:
        return DataType.TIME;
      case TIMESTAMP:
        return DataType.TIMESTAMP;
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "column " + definition.name() + ": type "
            + definition.type() + " is not supported", null, definition.line(), definition.column());
    }
  }

  /** True for the types a table column can have. */
  static boolean storable(DataType type) {
    return type.kind() != TypeKind.NULL && type.kind() != TypeKind.INTERVAL_DAY_TIME
        && type.kind() != TypeKind.INTERVAL_YEAR_MONTH;
  }
}
