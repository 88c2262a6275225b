package io.quiver.engine.connector.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.junit.jupiter.api.Test;

class TpchConnectorTest {

  private final TpchConnector connector = new TpchConnector(new TpchSplitPolicy(4));

  @Test
  void hasTheFiveSchemasWithTheEightTables() {
    Schema catalog = connector.catalogSchema();
    assertEquals(Set.of("tiny", "sf1", "sf10", "sf100", "sf1000"), catalog.subSchemas().getNames(LikePattern.any()));
    for (String schema : List.of("tiny", "sf1", "sf1000")) {
      assertEquals(new TreeSet<>(List.of("lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation",
          "region")), new TreeSet<>(catalog.subSchemas().get(schema).tables().getNames(LikePattern.any())));
    }
  }

  @Test
  void lineitemColumnsHaveTheSemanticsTypes() {
    assertEquals("l_orderkey BIGINT NOT NULL, l_partkey BIGINT NOT NULL, l_suppkey BIGINT NOT NULL, "
        + "l_linenumber INTEGER NOT NULL, l_quantity DECIMAL(15, 2) NOT NULL, l_extendedprice DECIMAL(15, 2) NOT NULL, "
        + "l_discount DECIMAL(15, 2) NOT NULL, l_tax DECIMAL(15, 2) NOT NULL, l_returnflag CHAR(1) NOT NULL, "
        + "l_linestatus CHAR(1) NOT NULL, l_shipdate DATE NOT NULL, l_commitdate DATE NOT NULL, "
        + "l_receiptdate DATE NOT NULL, l_shipinstruct VARCHAR(25) NOT NULL, l_shipmode VARCHAR(10) NOT NULL, "
        + "l_comment VARCHAR(44) NOT NULL", describe("tiny", "lineitem"));
    assertEquals("o_orderkey BIGINT NOT NULL, o_custkey BIGINT NOT NULL, o_orderstatus CHAR(1) NOT NULL, "
        + "o_totalprice DECIMAL(15, 2) NOT NULL, o_orderdate DATE NOT NULL, o_orderpriority VARCHAR(15) NOT NULL, "
        + "o_clerk VARCHAR(15) NOT NULL, o_shippriority INTEGER NOT NULL, o_comment VARCHAR(79) NOT NULL",
        describe("sf1", "orders"));
    assertEquals("ps_partkey BIGINT NOT NULL, ps_suppkey BIGINT NOT NULL, ps_availqty INTEGER NOT NULL, "
        + "ps_supplycost DECIMAL(15, 2) NOT NULL, ps_comment VARCHAR(199) NOT NULL", describe("tiny", "partsupp"));
    assertEquals("r_regionkey BIGINT NOT NULL, r_name VARCHAR(25) NOT NULL, r_comment VARCHAR(152) NOT NULL",
        describe("tiny", "region"));
  }

  @Test
  void tablesCarryTheirStatisticsAndHandles() {
    ConnectorTable lineitem = table("sf1", "lineitem");
    assertEquals("tpch", lineitem.connectorName());
    assertEquals("sf1", lineitem.schemaName());
    assertEquals("lineitem", lineitem.tableName());
    assertEquals(Map.of("scaleFactor", "1.0"), lineitem.properties());
    assertEquals(6_000_000.0, lineitem.getStatistic().getRowCount());
    assertEquals(24, lineitem.splitCount());
    assertEquals(150_000.0, table("sf1", "customer").getStatistic().getRowCount());
    assertEquals(15_000.0, table("tiny", "orders").getStatistic().getRowCount());
    assertEquals(25.0, table("sf100", "nation").getStatistic().getRowCount());
    assertEquals(1, table("sf100", "nation").splitCount());
    assertEquals(1, table("tiny", "supplier").splitCount());
    assertEquals(4, table("tiny", "lineitem").splitCount());
    assertFalse(table("sf1000", "lineitem").getStatistic().getKeys().isEmpty());
  }

  @Test
  void splitPolicy() {
    TpchSplitPolicy two = new TpchSplitPolicy(2);
    assertEquals(1, two.splitCount(0));
    assertEquals(1, two.splitCount(4_096));
    assertEquals(2, two.splitCount(8_000));
    assertEquals(24, two.splitCount(6_000_000));
    assertEquals(58, new TpchSplitPolicy(64).splitCount(60_000));
    assertThrows(IllegalArgumentException.class, () -> new TpchSplitPolicy(0));
  }

  private ConnectorTable table(String schema, String name) {
    return assertInstanceOf(ConnectorTable.class,
        connector.catalogSchema().subSchemas().get(schema).tables().get(name));
  }

  private String describe(String schema, String name) {
    RelDataType rowType = table(schema, name).getRowType(new JavaTypeFactoryImpl());
    return rowType.getFieldList().stream().map(TpchConnectorTest::describe).collect(Collectors.joining(", "));
  }

  private static String describe(RelDataTypeField field) {
    return field.getName() + " " + field.getType().getFullTypeString().replace(", ", ",").replace(",", ", ");
  }
}
