package io.quiver.engine.connector.file;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * The table functions {@code read_parquet(location)}, {@code read_arrow(location)} and
 * {@code read_csv(location, header => ..., delimiter => ..., quote => ..., escape => ...,
 * nullstr => ..., columns => ...)}: files read in place, without a CREATE TABLE. The location may be
 * a file, a directory or a glob, inside the data directories.
 */
public final class FileTableFunction implements TableMacro {

  private static final List<String> CSV_OPTIONS = List.of("header", "delimiter", "quote", "escape", "nullstr",
      "columns");
  private static final AtomicLong CALLS = new AtomicLong();

  private final FileTables tables;
  private final FileFormatKind format;
  private final List<String> optionNames;

  private FileTableFunction(FileTables tables, FileFormatKind format) {
    this.tables = tables;
    this.format = format;
    this.optionNames = format == FileFormatKind.CSV ? CSV_OPTIONS : List.of();
  }

  /** The functions by SQL name. */
  public static Map<String, FileTableFunction> all(FileTables tables) {
    Map<String, FileTableFunction> functions = new LinkedHashMap<>();
    functions.put("read_parquet", new FileTableFunction(tables, FileFormatKind.PARQUET));
    functions.put("read_csv", new FileTableFunction(tables, FileFormatKind.CSV));
    functions.put("read_arrow", new FileTableFunction(tables, FileFormatKind.ARROW));
    return functions;
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    Object location = arguments.isEmpty() ? null : plain(arguments.get(0));
    if (!(location instanceof String path)) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "read_" + format.extension()
          + " needs a file, directory or glob as a string literal, not " + location
          + (location == null ? "" : " (" + location.getClass().getSimpleName() + ")"));
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < arguments.size(); i++) {
      Object value = plain(arguments.get(i));
      if (value != null) {
        options.put(optionNames.get(i - 1), value.toString());
      }
    }
    String name = "read_" + format.extension() + "_" + CALLS.incrementAndGet();
    return (TranslatableTable) tables.open("files", name, new FileSource(format.extension(), path, options),
        List.of());
  }

  private static Object plain(Object value) {
    return value instanceof NlsString text ? text.getValue() : value;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> parameters = new ArrayList<>();
    parameters.add(parameter(0, "location", SqlTypeName.VARCHAR, false));
    for (int i = 0; i < optionNames.size(); i++) {
      String option = optionNames.get(i);
      parameters.add(parameter(i + 1, option, option.equals("header") ? SqlTypeName.BOOLEAN : SqlTypeName.VARCHAR,
          true));
    }
    return parameters;
  }

  private static FunctionParameter parameter(int ordinal, String name, SqlTypeName type, boolean optional) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        // Calcite hands a table macro its literal arguments only for parameters of a Java type
        JavaTypeFactory javaTypes = typeFactory instanceof JavaTypeFactory java ? java
            : new JavaTypeFactoryImpl(typeFactory.getTypeSystem());
        return javaTypes.createType(type == SqlTypeName.BOOLEAN ? Boolean.class : String.class);
      }

      @Override
      public boolean isOptional() {
        return optional;
      }
    };
  }
}
