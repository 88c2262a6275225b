package io.quiver.engine.connector.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

/** The catalog as the planner sees it: schemas, tables, column types, statistics and splits. */
class TpcdsConnectorTest {

  /** Four slots; the split policy of the tpch catalog (at least one split per slot, 250,000 rows a split). */
  private final TpcdsConnector connector = new TpcdsConnector(new io.quiver.engine.connector.tpch.TpchSplitPolicy(4)::splitCount);

  static final Set<String> TABLES = new TreeSet<>(List.of("call_center", "catalog_page", "catalog_returns",
      "catalog_sales", "customer", "customer_address", "customer_demographics", "date_dim", "household_demographics",
      "income_band", "inventory", "item", "promotion", "reason", "ship_mode", "store", "store_returns", "store_sales",
      "time_dim", "warehouse", "web_page", "web_returns", "web_sales", "web_site"));

  @Test
  void hasTheFiveSchemasWithTheTwentyFourTables() {
    Schema catalog = connector.catalogSchema();
    assertEquals(Set.of("tiny", "sf1", "sf10", "sf100", "sf1000"), catalog.subSchemas().getNames(LikePattern.any()));
    for (String schema : List.of("tiny", "sf1", "sf1000")) {
      assertEquals(TABLES, new TreeSet<>(catalog.subSchemas().get(schema).tables().getNames(LikePattern.any())));
    }
  }

  @Test
  void columnsHaveTheSpecificationsTypes() {
    assertEquals("ss_sold_date_sk BIGINT, ss_sold_time_sk BIGINT, ss_item_sk BIGINT NOT NULL, ss_customer_sk BIGINT, "
        + "ss_cdemo_sk BIGINT, ss_hdemo_sk BIGINT, ss_addr_sk BIGINT, ss_store_sk BIGINT, ss_promo_sk BIGINT, "
        + "ss_ticket_number BIGINT NOT NULL, ss_quantity INTEGER, ss_wholesale_cost DECIMAL(7, 2), "
        + "ss_list_price DECIMAL(7, 2), ss_sales_price DECIMAL(7, 2), ss_ext_discount_amt DECIMAL(7, 2), "
        + "ss_ext_sales_price DECIMAL(7, 2), ss_ext_wholesale_cost DECIMAL(7, 2), ss_ext_list_price DECIMAL(7, 2), "
        + "ss_ext_tax DECIMAL(7, 2), ss_coupon_amt DECIMAL(7, 2), ss_net_paid DECIMAL(7, 2), "
        + "ss_net_paid_inc_tax DECIMAL(7, 2), ss_net_profit DECIMAL(7, 2)", describe("tiny", "store_sales"));
    assertEquals("d_date_sk BIGINT NOT NULL, d_date_id CHAR(16), d_date DATE, d_month_seq INTEGER",
        describe("sf1", "date_dim").substring(0, describe("sf1", "date_dim").indexOf(", d_week_seq")));
    assertEquals("r_reason_sk BIGINT NOT NULL, r_reason_id CHAR(16), r_reason_desc CHAR(100)",
        describe("tiny", "reason"));
    assertTrue(describe("tiny", "item").contains("i_item_desc VARCHAR(200), i_current_price DECIMAL(7, 2)"));
    assertTrue(describe("tiny", "promotion").contains("p_cost DECIMAL(15, 2)"));
    assertTrue(describe("tiny", "customer_address").contains("ca_gmt_offset DECIMAL(5, 2)"));
    assertTrue(describe("tiny", "customer").contains("c_first_name CHAR(20), c_last_name CHAR(30)"));
  }

  @Test
  void tablesCarryTheirRowCountsKeysAndHandles() {
    ConnectorTable storeSales = table("sf1", "store_sales");
    assertEquals("tpcds", storeSales.connectorName());
    assertEquals("sf1", storeSales.schemaName());
    assertEquals("store_sales", storeSales.tableName());
    assertEquals(Map.of("scaleFactor", "1.0"), storeSales.properties());
    // dsdgen's 2,880,404 lines at SF1, from 240,000 tickets times the measured lines per ticket.
    assertEquals(2_880_404.0, storeSales.getStatistic().getRowCount());
    assertEquals(List.of(ImmutableBitSet.of(2, 9)), storeSales.getStatistic().getKeys());
    assertEquals(List.of(ImmutableBitSet.of(0, 1, 2)), table("sf1", "inventory").getStatistic().getKeys());
    assertEquals(List.of(ImmutableBitSet.of(0)), table("tiny", "date_dim").getStatistic().getKeys());
    assertEquals(11_745_000.0, table("sf1", "inventory").getStatistic().getRowCount());
    assertEquals(100_000.0, table("sf1", "customer").getStatistic().getRowCount());
    assertEquals(73_049.0, table("sf100", "date_dim").getStatistic().getRowCount());
    assertEquals(1_920_800.0, table("tiny", "customer_demographics").getStatistic().getRowCount());
    assertEquals(35.0, table("sf1", "reason").getStatistic().getRowCount());
    assertEquals(1.0, table("tiny", "reason").getStatistic().getRowCount());
  }

  @Test
  void largeTablesAreCutIntoSplitsAndTablesWithHistoryAreNot() {
    for (String name : List.of("store_sales", "store_returns", "catalog_sales", "catalog_returns", "web_sales",
        "web_returns", "inventory", "customer_demographics", "customer", "customer_address", "date_dim",
        "time_dim", "catalog_page", "household_demographics")) {
      assertTrue(table("sf1", name).splitCount() >= 4, name + " at sf1 has " + table("sf1", name).splitCount());
    }
    assertEquals(12, table("sf1", "store_sales").splitCount()); // 2.9 million rows, 250,000 a split
    for (String name : List.of("item", "store", "call_center", "web_page", "web_site")) {
      assertEquals(1, table("sf1", name).splitCount(), name);
      assertEquals(1, table("sf1000", name).splitCount(), name);
    }
    assertEquals(1, table("tiny", "reason").splitCount());
    assertEquals(4, table("tiny", "store_sales").splitCount());
  }

  private ConnectorTable table(String schema, String name) {
    return assertInstanceOf(ConnectorTable.class,
        connector.catalogSchema().subSchemas().get(schema).tables().get(name));
  }

  private String describe(String schema, String name) {
    RelDataType rowType = table(schema, name).getRowType(new JavaTypeFactoryImpl());
    return rowType.getFieldList().stream().map(TpcdsConnectorTest::describe).collect(Collectors.joining(", "));
  }

  private static String describe(RelDataTypeField field) {
    return field.getName() + " " + field.getType().getFullTypeString().replace(", ", ",").replace(",", ", ");
  }
}
