package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A query's answer does not depend on how the engine is set up: slots, shuffle partitions and batch
 * size change how rows are cut and moved, never which rows come out. Checked through SQL, the
 * planner, the schedulers and the shuffle, against a reference computed in plain Java.
 */
class ConfigurationIndependenceProperties {

  /** One input row: a group key and a value, each possibly NULL. */
  record Row(Integer key, BigDecimal value) {
  }

  @Property(tries = 12)
  void groupedAggregatesDoNotDependOnSlotsPartitionsOrBatchSize(
      @ForAll("rows") @Size(min = 0, max = 60) List<Row> rows,
      @ForAll @IntRange(min = 1, max = 4) int slots,
      @ForAll @IntRange(min = 1, max = 7) int shufflePartitions,
      @ForAll @IntRange(min = 1, max = 50) int batchSize) {
    QuiverConfig config = QuiverConfig.defaults().withSlots(slots).withShufflePartitions(shufflePartitions)
        .withBatchSize(batchSize);
    String sql = "SELECT k, count(*), count(v), sum(v), min(v), max(v) FROM " + valuesTable(rows)
        + " GROUP BY k";
    try (Quiver quiver = Quiver.local(config); Session session = quiver.openSession()) {
      assertEquals(expectedGroups(rows), ResultText.sorted(ResultText.rows(session, sql)), "config " + config);
    }
  }

  @Property(tries = 6)
  void tpchAggregateDoesNotDependOnSlotsPartitionsOrBatchSize(
      @ForAll @IntRange(min = 1, max = 4) int slots,
      @ForAll @IntRange(min = 1, max = 9) int shufflePartitions,
      @ForAll @IntRange(min = 100, max = 9000) int batchSize) {
    String sql = "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount), min(l_shipdate), "
        + "max(l_extendedprice) FROM tpch.tiny.lineitem WHERE l_shipdate <= DATE '1998-09-02' "
        + "GROUP BY l_returnflag, l_linestatus";
    List<List<String>> reference;
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(1).withShufflePartitions(1));
        Session session = quiver.openSession()) {
      reference = ResultText.sorted(ResultText.rows(session, sql));
    }
    QuiverConfig config = QuiverConfig.defaults().withSlots(slots).withShufflePartitions(shufflePartitions)
        .withBatchSize(batchSize);
    try (Quiver quiver = Quiver.local(config); Session session = quiver.openSession()) {
      assertEquals(reference, ResultText.sorted(ResultText.rows(session, sql)), "config " + config);
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Integer> keys = Arbitraries.integers().between(-3, 3).injectNull(0.15);
    Arbitrary<BigDecimal> values = Arbitraries.bigDecimals().between(new BigDecimal("-999.99"), new BigDecimal("999.99"))
        .ofScale(2).injectNull(0.2);
    return Combinators.combine(keys, values).as(Row::new).list();
  }

  /** The rows as an inline table with typed columns; a dummy first row keeps the types when all are NULL. */
  private static String valuesTable(List<Row> rows) {
    StringBuilder sql = new StringBuilder("(SELECT k, v FROM (VALUES (CAST(NULL AS INTEGER), CAST(NULL AS DECIMAL(7, 2)), 0)");
    for (Row row : rows) {
      sql.append(", (").append(row.key() == null ? "CAST(NULL AS INTEGER)" : "CAST(" + row.key() + " AS INTEGER)")
          .append(", ").append(row.value() == null ? "CAST(NULL AS DECIMAL(7, 2))"
              : "CAST(" + row.value().toPlainString() + " AS DECIMAL(7, 2))")
          .append(", 1)");
    }
    return sql.append(") AS t(k, v, real_row) WHERE real_row = 1) AS input").toString();
  }

  private static List<List<String>> expectedGroups(List<Row> rows) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(String.valueOf(row.key()), key -> new ArrayList<>()).add(row);
    }
    List<List<String>> expected = new ArrayList<>();
    groups.forEach((key, members) -> {
      List<BigDecimal> values = members.stream().map(Row::value).filter(v -> v != null).toList();
      expected.add(List.of(key, String.valueOf(members.size()), String.valueOf(values.size()),
          values.isEmpty() ? "null" : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(),
          values.isEmpty() ? "null" : values.stream().min(BigDecimal::compareTo).get().toPlainString(),
          values.isEmpty() ? "null" : values.stream().max(BigDecimal::compareTo).get().toPlainString()));
    });
    return ResultText.sorted(expected);
  }

}
