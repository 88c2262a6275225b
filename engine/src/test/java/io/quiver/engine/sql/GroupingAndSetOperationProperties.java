package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Oracles for grouping sets, set operations and DISTINCT aggregates, over random rows with NULLs and
 * duplicates and random engine set-ups (slots, shuffle partitions, batch size):
 *
 * <ul>
 *   <li>INTERSECT / EXCEPT [ALL] equal a multiset computed in Java;
 *   <li>ROLLUP and CUBE equal the UNION ALL of the plain GROUP BYs they stand for;
 *   <li>several DISTINCT aggregates in one query equal the same aggregates in separate queries.
 * </ul>
 */
class GroupingAndSetOperationProperties {

  /** One row: two small keys (possibly NULL) and a value (possibly NULL). */
  record Row(Integer a, Integer b, Integer v) {
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Integer> keys = Arbitraries.integers().between(0, 3).injectNull(0.2);
    Arbitrary<Integer> values = Arbitraries.integers().between(-5, 5).injectNull(0.2);
    return Combinators.combine(keys, keys, values).as(Row::new).list();
  }

  private static String table(List<Row> rows) {
    StringBuilder sql = new StringBuilder("(SELECT a, b, v FROM (VALUES (CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), "
        + "CAST(NULL AS INTEGER), 0)");
    for (Row row : rows) {
      sql.append(", (").append(literal(row.a())).append(", ").append(literal(row.b())).append(", ")
          .append(literal(row.v())).append(", 1)");
    }
    return sql.append(") AS t(a, b, v, real_row) WHERE real_row = 1)").toString();
  }

  private static String literal(Integer value) {
    return value == null ? "CAST(NULL AS INTEGER)" : "CAST(" + value + " AS INTEGER)";
  }

  private static QuiverConfig config(int slots, int partitions, int batchSize) {
    return QuiverConfig.defaults().withSlots(slots).withShufflePartitions(partitions).withBatchSize(batchSize);
  }

  @Property(tries = 15)
  void intersectAndExceptEqualAMultisetReference(
      @ForAll("rows") @Size(max = 30) List<Row> left,
      @ForAll("rows") @Size(max = 30) List<Row> right,
      @ForAll @IntRange(min = 1, max = 3) int slots,
      @ForAll @IntRange(min = 1, max = 5) int partitions,
      @ForAll @IntRange(min = 1, max = 16) int batchSize) {
    Map<List<String>, Integer> l = counts(left);
    Map<List<String>, Integer> r = counts(right);
    try (Quiver quiver = Quiver.local(config(slots, partitions, batchSize)); Session session = quiver.openSession()) {
      String lt = "SELECT a, b FROM " + table(left) + " AS l";
      String rt = "SELECT a, b FROM " + table(right) + " AS r";
      assertEquals(expand(l, r, (m, n) -> m > 0 && n > 0 ? 1 : 0), sorted(session, lt + " INTERSECT " + rt));
      assertEquals(expand(l, r, Math::min), sorted(session, lt + " INTERSECT ALL " + rt));
      assertEquals(expand(l, r, (m, n) -> m > 0 && n == 0 ? 1 : 0), sorted(session, lt + " EXCEPT " + rt));
      assertEquals(expand(l, r, (m, n) -> Math.max(0, m - n)), sorted(session, lt + " EXCEPT ALL " + rt));
      assertEquals(expand(l, r, (m, n) -> m + n > 0 ? 1 : 0), sorted(session, lt + " UNION " + rt));
    }
  }

  @Property(tries = 12)
  void rollupAndCubeEqualTheUnionOfTheirGroupBys(
      @ForAll("rows") @Size(max = 40) List<Row> rows,
      @ForAll @IntRange(min = 1, max = 3) int slots,
      @ForAll @IntRange(min = 1, max = 5) int partitions,
      @ForAll @IntRange(min = 1, max = 16) int batchSize) {
    String t = table(rows);
    String aggregates = "count(*), count(v), sum(v), min(v), max(v)";
    try (Quiver quiver = Quiver.local(config(slots, partitions, batchSize)); Session session = quiver.openSession()) {
      String rollup = "SELECT a, b, " + aggregates + " FROM " + t + " AS t GROUP BY ROLLUP(a, b)";
      String rollupUnion = "SELECT a, b, " + aggregates + " FROM " + t + " AS t GROUP BY a, b UNION ALL "
          + "SELECT a, NULL, " + aggregates + " FROM " + t + " AS t GROUP BY a UNION ALL "
          + "SELECT NULL, NULL, " + aggregates + " FROM " + t + " AS t";
      assertEquals(sorted(session, rollupUnion), sorted(session, rollup));
      String cube = "SELECT a, b, " + aggregates + " FROM " + t + " AS t GROUP BY CUBE(a, b)";
      String cubeUnion = rollupUnion + " UNION ALL SELECT NULL, b, " + aggregates + " FROM " + t
          + " AS t GROUP BY b";
      assertEquals(sorted(session, cubeUnion), sorted(session, cube));
    }
  }

  @Property(tries = 12)
  void severalDistinctAggregatesEqualSeparateQueries(
      @ForAll("rows") @Size(max = 40) List<Row> rows,
      @ForAll @IntRange(min = 1, max = 3) int slots,
      @ForAll @IntRange(min = 1, max = 5) int partitions,
      @ForAll @IntRange(min = 1, max = 16) int batchSize) {
    String t = table(rows);
    try (Quiver quiver = Quiver.local(config(slots, partitions, batchSize)); Session session = quiver.openSession()) {
      List<List<String>> together = sorted(session, "SELECT a, count(DISTINCT b), sum(DISTINCT v), count(DISTINCT v), "
          + "count(*), sum(v) FROM " + t + " AS t GROUP BY a");
      List<List<String>> separate = sorted(session, "SELECT k.a, x.c, y.s, z.c, w.n, w.s FROM "
          + "(SELECT DISTINCT a FROM " + t + " AS t) AS k "
          + "JOIN (SELECT a, count(DISTINCT b) AS c FROM " + t + " AS t GROUP BY a) AS x ON x.a IS NOT DISTINCT FROM k.a "
          + "JOIN (SELECT a, sum(DISTINCT v) AS s FROM " + t + " AS t GROUP BY a) AS y ON y.a IS NOT DISTINCT FROM k.a "
          + "JOIN (SELECT a, count(DISTINCT v) AS c FROM " + t + " AS t GROUP BY a) AS z ON z.a IS NOT DISTINCT FROM k.a "
          + "JOIN (SELECT a, count(*) AS n, sum(v) AS s FROM " + t + " AS t GROUP BY a) AS w "
          + "ON w.a IS NOT DISTINCT FROM k.a");
      assertEquals(separate, together);
      List<List<String>> global = sorted(session, "SELECT count(DISTINCT a), count(DISTINCT b), sum(DISTINCT v), count(*) FROM " + t + " AS t");
      List<String> expected = List.of(
          sorted(session, "SELECT count(DISTINCT a) FROM " + t + " AS t").get(0).get(0),
          sorted(session, "SELECT count(DISTINCT b) FROM " + t + " AS t").get(0).get(0),
          sorted(session, "SELECT sum(DISTINCT v) FROM " + t + " AS t").get(0).get(0),
          sorted(session, "SELECT count(*) FROM " + t + " AS t").get(0).get(0));
      assertEquals(List.of(expected), global);
    }
  }

  private static List<List<String>> sorted(Session session, String sql) {
    return ResultText.sorted(ResultText.rows(session, sql));
  }

  private static Map<List<String>, Integer> counts(List<Row> rows) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (Row row : rows) {
      counts.merge(List.of(String.valueOf(row.a()), String.valueOf(row.b())), 1, Integer::sum);
    }
    return counts;
  }

  /** Each row of either side repeated by {@code copies(left count, right count)}, sorted. */
  private static List<List<String>> expand(Map<List<String>, Integer> left, Map<List<String>, Integer> right,
      java.util.function.BinaryOperator<Integer> copies) {
    List<List<String>> rows = new ArrayList<>();
    java.util.Set<List<String>> keys = new java.util.HashSet<>(left.keySet());
    keys.addAll(right.keySet());
    for (List<String> key : keys) {
      int n = copies.apply(Objects.requireNonNullElse(left.get(key), 0), Objects.requireNonNullElse(right.get(key), 0));
      for (int i = 0; i < n; i++) {
        rows.add(key);
      }
    }
    return ResultText.sorted(rows);
  }
}
