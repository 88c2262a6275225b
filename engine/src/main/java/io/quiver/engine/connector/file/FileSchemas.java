package io.quiver.engine.connector.file;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Maps between Quiver columns and the Arrow schemas files carry. CHAR(n) and VARCHAR(n) have no
 * Arrow or Parquet type of their own: they are written as UTF-8 strings with the SQL type in the
 * field metadata (key {@value #SQL_TYPE_KEY}), which Parquet keeps in its stored Arrow schema.
 */
public final class FileSchemas {

  public static final String SQL_TYPE_KEY = "quiver.sql_type";

  private FileSchemas() {
  }

  /** The Arrow schema a file written from these columns has. */
  public static Schema toArrowSchema(List<Column> columns) {
    List<Field> fields = new ArrayList<>();
    for (Column column : columns) {
      Map<String, String> metadata = null;
      DataType type = column.type();
      if (type.kind() == TypeKind.CHAR || (type.kind() == TypeKind.VARCHAR && type.precision() >= 0)) {
        metadata = new HashMap<>();
        metadata.put(SQL_TYPE_KEY, type.toString());
      }
      fields.add(new Field(column.name(), new FieldType(column.nullable(), type.toArrowType(), null, metadata),
          null));
    }
    return new Schema(fields);
  }

  /** The columns of a file schema. */
  public static List<Column> toColumns(Schema schema, String file) {
    List<Column> columns = new ArrayList<>();
    for (Field field : schema.getFields()) {
      columns.add(new Column(field.getName(), toDataType(field, file), field.isNullable()));
    }
    return columns;
  }

  /** The SQL type of a file's field; the readers convert the Arrow types that differ from it. */
  public static DataType toDataType(Field field, String file) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Bool:
        return DataType.BOOLEAN;
      case Int: {
        ArrowType.Int integer = (ArrowType.Int) type;
        if (!integer.getIsSigned() && integer.getBitWidth() == 64) {
          break;
        }
        int width = integer.getIsSigned() ? integer.getBitWidth() : integer.getBitWidth() * 2;
        return width <= 8 ? DataType.TINYINT : width <= 16 ? DataType.SMALLINT
            : width <= 32 ? DataType.INTEGER : DataType.BIGINT;
      }
      case FloatingPoint:
        return ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
            ? DataType.DOUBLE : DataType.REAL;
      case Decimal: {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        if (decimal.getPrecision() <= DataType.MAX_DECIMAL_PRECISION) {
          return DataType.decimal(decimal.getPrecision(), decimal.getScale());
        }
        break;
      }
      case Utf8:
      case LargeUtf8:
      case Utf8View:
        return declaredText(field);
      case Binary:
      case LargeBinary:
      case FixedSizeBinary:
        return DataType.VARBINARY;
      case Date:
        return DataType.DATE;
      case Time:
        return DataType.TIME;
      case Timestamp:
        return DataType.TIMESTAMP;
      default:
        break;
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "column '" + field.getName() + "' of " + file
        + " has type " + type + ", which Quiver does not read");
  }

  private static DataType declaredText(Field field) {
    String declared = field.getMetadata() == null ? null : field.getMetadata().get(SQL_TYPE_KEY);
    if (declared != null) {
      try {
        int open = declared.indexOf('(');
        int length = Integer.parseInt(declared.substring(open + 1, declared.length() - 1).trim());
        return declared.startsWith("CHAR") ? DataType.character(length) : DataType.varchar(length);
      } catch (RuntimeException e) {
        return DataType.VARCHAR;
      }
    }
    return DataType.VARCHAR;
  }
}
