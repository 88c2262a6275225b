package io.quiver.planner;

import io.quiver.planner.FakeConnectorTable.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The catalog of planning tests: {@code tpch.tiny} and {@code tpch.sf1} with the TPC-H tables of
 * the project's SQL semantics (every column NOT NULL) and their row counts, plus {@code test.misc}
 * with a table of nullable columns.
 */
final class TpchTestCatalog {

  static final int TINY_SPLITS = 2;
  static final int SF1_SPLITS = 8;

  private TpchTestCatalog() {
  }

  static SchemaPlus create() {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    SchemaPlus tpch = root.add("tpch", new AbstractSchema());
    addTpch(tpch.add("tiny", new AbstractSchema()), "tiny", 0.01, TINY_SPLITS);
    addTpch(tpch.add("sf1", new AbstractSchema()), "sf1", 1, SF1_SPLITS);
    // As memory tables hold TPC-H SF1 copied from the connector: row counts and distinct counts,
    // no declared keys.
    addTpch(tpch.add("sf1_keyless", new AbstractSchema()), "sf1_keyless", 1, SF1_SPLITS);
    SchemaPlus test = root.add("test", new AbstractSchema());
    SchemaPlus misc = test.add("misc", new AbstractSchema());
    misc.add("nullable", new FakeConnectorTable("misc", "nullable", List.of(
        new ColumnSpec("i", SqlTypeName.INTEGER, -1, -1, true),
        new ColumnSpec("b", SqlTypeName.BIGINT, -1, -1, true),
        new ColumnSpec("d", SqlTypeName.DOUBLE, -1, -1, true),
        new ColumnSpec("r", SqlTypeName.REAL, -1, -1, true),
        new ColumnSpec("m", SqlTypeName.DECIMAL, 10, 3, true),
        new ColumnSpec("s", SqlTypeName.VARCHAR, 20, -1, true),
        new ColumnSpec("c", SqlTypeName.CHAR, 3, -1, true),
        new ColumnSpec("dt", SqlTypeName.DATE, -1, -1, true),
        new ColumnSpec("ts", SqlTypeName.TIMESTAMP, 0, -1, true),
        new ColumnSpec("flag", SqlTypeName.BOOLEAN, -1, -1, true),
        new ColumnSpec("MixedCase", SqlTypeName.INTEGER, -1, -1, true)), 1000, 3));
    return root;
  }

  private static void addTpch(SchemaPlus schema, String name, double scale, int splits) {
    schema.add("lineitem", table(name, "lineitem", List.of(0, 3), 6_000_000 * scale, splits,
        col("l_orderkey", SqlTypeName.BIGINT), col("l_partkey", SqlTypeName.BIGINT),
        col("l_suppkey", SqlTypeName.BIGINT), col("l_linenumber", SqlTypeName.INTEGER),
        money("l_quantity"), money("l_extendedprice"), money("l_discount"), money("l_tax"),
        text("l_returnflag", SqlTypeName.CHAR, 1), text("l_linestatus", SqlTypeName.CHAR, 1),
        col("l_shipdate", SqlTypeName.DATE), col("l_commitdate", SqlTypeName.DATE),
        col("l_receiptdate", SqlTypeName.DATE), text("l_shipinstruct", SqlTypeName.VARCHAR, 25),
        text("l_shipmode", SqlTypeName.VARCHAR, 10), text("l_comment", SqlTypeName.VARCHAR, 44)));
    schema.add("orders", table(name, "orders", List.of(0), 1_500_000 * scale, splits,
        col("o_orderkey", SqlTypeName.BIGINT), col("o_custkey", SqlTypeName.BIGINT),
        text("o_orderstatus", SqlTypeName.CHAR, 1), money("o_totalprice"),
        col("o_orderdate", SqlTypeName.DATE), text("o_orderpriority", SqlTypeName.VARCHAR, 15),
        text("o_clerk", SqlTypeName.VARCHAR, 15), col("o_shippriority", SqlTypeName.INTEGER),
        text("o_comment", SqlTypeName.VARCHAR, 79)));
    schema.add("customer", table(name, "customer", List.of(0), 150_000 * scale, splits,
        col("c_custkey", SqlTypeName.BIGINT), text("c_name", SqlTypeName.VARCHAR, 25),
        text("c_address", SqlTypeName.VARCHAR, 40), col("c_nationkey", SqlTypeName.BIGINT),
        text("c_phone", SqlTypeName.VARCHAR, 15), money("c_acctbal"),
        text("c_mktsegment", SqlTypeName.VARCHAR, 10), text("c_comment", SqlTypeName.VARCHAR, 117)));
    schema.add("part", table(name, "part", List.of(0), 200_000 * scale, splits,
        col("p_partkey", SqlTypeName.BIGINT), text("p_name", SqlTypeName.VARCHAR, 55),
        text("p_mfgr", SqlTypeName.VARCHAR, 25), text("p_brand", SqlTypeName.VARCHAR, 10),
        text("p_type", SqlTypeName.VARCHAR, 25), col("p_size", SqlTypeName.INTEGER),
        text("p_container", SqlTypeName.VARCHAR, 10), money("p_retailprice"),
        text("p_comment", SqlTypeName.VARCHAR, 23)));
    schema.add("supplier", table(name, "supplier", List.of(0), 10_000 * scale, splits,
        col("s_suppkey", SqlTypeName.BIGINT), text("s_name", SqlTypeName.VARCHAR, 25),
        text("s_address", SqlTypeName.VARCHAR, 40), col("s_nationkey", SqlTypeName.BIGINT),
        text("s_phone", SqlTypeName.VARCHAR, 15), money("s_acctbal"),
        text("s_comment", SqlTypeName.VARCHAR, 101)));
    schema.add("partsupp", table(name, "partsupp", List.of(0, 1), 800_000 * scale, splits,
        col("ps_partkey", SqlTypeName.BIGINT), col("ps_suppkey", SqlTypeName.BIGINT),
        col("ps_availqty", SqlTypeName.INTEGER), money("ps_supplycost"),
        text("ps_comment", SqlTypeName.VARCHAR, 199)));
    schema.add("nation", table(name, "nation", List.of(0), 25, 1,
        col("n_nationkey", SqlTypeName.BIGINT), text("n_name", SqlTypeName.VARCHAR, 25),
        col("n_regionkey", SqlTypeName.BIGINT), text("n_comment", SqlTypeName.VARCHAR, 152)));
    schema.add("region", table(name, "region", List.of(0), 5, 1,
        col("r_regionkey", SqlTypeName.BIGINT), text("r_name", SqlTypeName.VARCHAR, 25),
        text("r_comment", SqlTypeName.VARCHAR, 152)));
  }

  /**
   * A TPC-H table with its primary key, as the real connector declares it; in a {@code _keyless}
   * schema without keys but with the distinct counts of the key, foreign key and date columns.
   */
  private static FakeConnectorTable table(String schema, String name, List<Integer> primaryKey,
      double rows, int splits, ColumnSpec... columns) {
    if (schema.endsWith("_keyless")) {
      return new FakeConnectorTable(schema, name, new ArrayList<>(List.of(columns)), rows, splits,
          List.of(), SF1_DISTINCT_COUNTS);
    }
    return new FakeConnectorTable(schema, name, new ArrayList<>(List.of(columns)), rows, splits,
        primaryKey);
  }

  /** Distinct values of TPC-H SF1 columns (by column name, unique across tables). */
  private static final Map<String, Double> SF1_DISTINCT_COUNTS = Map.ofEntries(
      Map.entry("l_orderkey", 1_500_000.0), Map.entry("l_partkey", 200_000.0),
      Map.entry("l_suppkey", 10_000.0), Map.entry("l_linenumber", 7.0),
      Map.entry("l_shipdate", 2_526.0), Map.entry("l_returnflag", 3.0),
      Map.entry("o_orderkey", 1_500_000.0), Map.entry("o_custkey", 99_996.0),
      Map.entry("o_orderdate", 2_406.0),
      Map.entry("c_custkey", 150_000.0), Map.entry("c_nationkey", 25.0),
      Map.entry("p_partkey", 200_000.0), Map.entry("s_suppkey", 10_000.0),
      Map.entry("s_nationkey", 25.0), Map.entry("ps_partkey", 200_000.0),
      Map.entry("ps_suppkey", 10_000.0), Map.entry("n_nationkey", 25.0),
      Map.entry("n_name", 25.0), Map.entry("n_regionkey", 5.0), Map.entry("r_regionkey", 5.0),
      Map.entry("r_name", 5.0));

  private static ColumnSpec col(String name, SqlTypeName type) {
    return new ColumnSpec(name, type, -1, -1, false);
  }

  private static ColumnSpec money(String name) {
    return new ColumnSpec(name, SqlTypeName.DECIMAL, 15, 2, false);
  }

  private static ColumnSpec text(String name, SqlTypeName type, int length) {
    return new ColumnSpec(name, type, length, -1, false);
  }
}
