package io.quiver.engine.connector.tpcds;

import io.quiver.exec.type.DataType;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 24 TPC-DS tables with the types the specification gives their columns (as the generator
 * library declares them): identifiers BIGINT, integers INTEGER, money and percentages DECIMAL(7,2)
 * (DECIMAL(5,2) and DECIMAL(15,2) where the specification says so), dates DATE, text CHAR(n) or
 * VARCHAR(n). The library's 25th table, dbgen_version, is not one of the benchmark's tables (it
 * records when the data was made) and is left out.
 */
final class TpcdsTables {

  /**
   * Lines per generated order, measured at scale factor 1 (dsdgen's row counts there: 2,880,404
   * store_sales lines over 240,000 tickets, 287,514 store_returns, 1,441,548 catalog_sales and
   * 144,067 catalog_returns over 160,000 orders, 719,384 web_sales and 71,763 web_returns over
   * 60,000 orders). Estimates: the line count per order is random.
   */
  private static final Map<Table, Double> ROWS_PER_ORDER = Map.of(
      Table.STORE_SALES, 2_880_404 / 240_000.0,
      Table.STORE_RETURNS, 287_514 / 240_000.0,
      Table.CATALOG_SALES, 1_441_548 / 160_000.0,
      Table.CATALOG_RETURNS, 144_067 / 160_000.0,
      Table.WEB_SALES, 719_384 / 60_000.0,
      Table.WEB_RETURNS, 71_763 / 60_000.0);

  /** Primary keys that are not the first column alone. */
  private static final Map<Table, List<String>> COMPOSITE_KEYS = Map.of(
      Table.STORE_SALES, List.of("ss_item_sk", "ss_ticket_number"),
      Table.STORE_RETURNS, List.of("sr_item_sk", "sr_ticket_number"),
      Table.CATALOG_SALES, List.of("cs_item_sk", "cs_order_number"),
      Table.CATALOG_RETURNS, List.of("cr_item_sk", "cr_order_number"),
      Table.WEB_SALES, List.of("ws_item_sk", "ws_order_number"),
      Table.WEB_RETURNS, List.of("wr_item_sk", "wr_order_number"),
      Table.INVENTORY, List.of("inv_date_sk", "inv_item_sk", "inv_warehouse_sk"));

  /** Every table by name, in the library's (alphabetical) order. */
  static final Map<String, TpcdsTableDefinition> BY_NAME = definitions();

  private TpcdsTables() {
  }

  /** The table named {@code name}, or null. */
  static TpcdsTableDefinition byName(String name) {
    return BY_NAME.get(name);
  }

  private static Map<String, TpcdsTableDefinition> definitions() {
    Map<String, TpcdsTableDefinition> result = new LinkedHashMap<>();
    for (Table table : Table.getBaseTables()) {
      if (table == Table.DBGEN_VERSION) {
        continue;
      }
      result.put(table.getName(), definition(table));
    }
    return java.util.Collections.unmodifiableMap(result);
  }

  private static TpcdsTableDefinition definition(Table table) {
    Column[] columns = table.getColumns();
    List<String> names = Arrays.stream(columns).map(Column::getName).toList();
    List<Integer> key = COMPOSITE_KEYS.getOrDefault(table, List.of(names.get(0))).stream()
        .map(name -> {
          int index = names.indexOf(name);
          if (index < 0) {
            throw new IllegalStateException("no key column " + name + " in " + table.getName());
          }
          return index;
        })
        .toList();
    List<TpcdsColumnDefinition> definitions = new ArrayList<>(columns.length);
    for (int i = 0; i < columns.length; i++) {
      // Only the key columns are never NULL: the generator may leave any other column NULL (its
      // not-null bit maps are not indexed by column, and dates such as rec_end_date are NULL by design).
      definitions.add(new TpcdsColumnDefinition(columns[i].getName(), type(columns[i].getType()), !key.contains(i)));
    }
    return new TpcdsTableDefinition(table, definitions, key, ROWS_PER_ORDER.getOrDefault(table, 1.0),
        !table.keepsHistory());
  }

  /** The SQL type of a column as the library declares it. */
  static DataType type(ColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER -> DataType.BIGINT;
      case INTEGER -> DataType.INTEGER;
      case DATE -> DataType.DATE;
      case DECIMAL -> DataType.decimal(type.getPrecision().orElseThrow(), type.getScale().orElseThrow());
      case CHAR -> DataType.character(type.getPrecision().orElseThrow());
      case VARCHAR -> DataType.varchar(type.getPrecision().orElseThrow());
      case TIME -> throw new IllegalArgumentException("TIME columns are only in dbgen_version, which is left out");
    };
  }
}
