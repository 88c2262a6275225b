package io.quiver.exec.operator.join;

import static io.quiver.exec.operator.join.JoinFixtures.sorted;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.Driver;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.CollectingSink;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys of other types and widths than the shared fixtures use. */
class JoinKeyTypesTest {

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<List<Object>> innerJoin(RowSchema probe, List<List<Object>> probeRows, RowSchema build,
      List<List<Object>> buildRows, List<Integer> keys) {
    List<Column> columns = new ArrayList<>(probe.columns());
    columns.addAll(build.columns());
    HashJoinNode node = new HashJoinNode(new ValuesNode(List.of(), probe), new ValuesNode(List.of(), build),
        JoinType.INNER, keys, keys, null, new RowSchema(columns));
    CollectingSink sink = new CollectingSink();
    List<Operator> chain = new ArrayList<>();
    chain.add(new ListSourceOperator(TestTables.batches(allocator, probe, probeRows, 2)));
    chain.add(HashJoinOperator.create(node,
        List.of(new ListSourceOperator(TestTables.batches(allocator, build, buildRows, 2))), allocator, 3,
        new CancellationToken(), 1));
    chain.add(sink);
    try (Driver driver = new Driver(chain, new CancellationToken())) {
      driver.run();
    }
    return sorted(TestTables.drain(sink.batches()));
  }

  @Test
  void integerProbeKeyMeetsBigintBuildKey() {
    List<List<Object>> rows = innerJoin(schema("k", DataType.INTEGER), List.of(row(1L), row(-2L), row(3L)),
        schema("b", DataType.BIGINT), List.of(row(-2L), row(3L), row(3L), row(4L)), List.of(0));
    assertEquals(sorted(List.of(row(-2L, -2L), row(3L, 3L), row(3L, 3L))), rows);
  }

  @Test
  void bigintProbeKeysBeyondIntRangeNeverMeetIntSizedBuildKeys() {
    // every build key fits in 32 bits (one long per slot): a probe key whose low 32 bits equal a
    // build key's must still miss, and negative and extreme int keys must still match
    long wrap = 1L << 32;
    List<List<Object>> rows = innerJoin(schema("k", DataType.BIGINT),
        List.of(row(7L), row(7L + wrap), row(-7L), row(-7L - wrap), row((long) Integer.MIN_VALUE),
            row((long) Integer.MAX_VALUE), row(Integer.MAX_VALUE + 1L), row(-1L), row(-1L + wrap)),
        schema("b", DataType.BIGINT),
        List.of(row(7L), row(7L), row(-7L), row((long) Integer.MIN_VALUE), row((long) Integer.MAX_VALUE),
            row(-1L), row((Object) null)), List.of(0));
    assertEquals(sorted(List.of(row(7L, 7L), row(7L, 7L), row(-7L, -7L),
        row((long) Integer.MIN_VALUE, (long) Integer.MIN_VALUE),
        row((long) Integer.MAX_VALUE, (long) Integer.MAX_VALUE), row(-1L, -1L))), rows);
  }

  @Test
  void bigintBuildKeysBeyondIntRangeMatchExactly() {
    // one build key needs 64 bits (two longs per slot); keys repeat out of order (more distinct
    // runs than distinct keys)
    long wrap = 1L << 32;
    List<List<Object>> rows = innerJoin(schema("k", DataType.BIGINT),
        List.of(row(5L), row(5L + wrap), row(Long.MAX_VALUE), row(Long.MIN_VALUE), row(6L)),
        schema("b", DataType.BIGINT),
        List.of(row(5L + wrap), row(5L), row(5L + wrap), row(Long.MIN_VALUE), row(5L), row((Object) null)),
        List.of(0));
    assertEquals(sorted(List.of(row(5L, 5L), row(5L, 5L), row(5L + wrap, 5L + wrap), row(5L + wrap, 5L + wrap),
        row(Long.MIN_VALUE, Long.MIN_VALUE))), rows);
  }

  @Test
  void twoIntegerKeysPackedMatchBothColumnsExactly() {
    // both build columns fit in 32 bits (packed into one long key): swapped pairs, a probe value
    // beyond the int range whose low half matches, negative values and NULLs in either column
    long wrap = 1L << 32;
    RowSchema probe = schema("a", DataType.BIGINT, "b", DataType.INTEGER);
    RowSchema build = schema("x", DataType.BIGINT, "y", DataType.INTEGER);
    List<List<Object>> rows = innerJoin(probe,
        List.of(row(1L, 2L), row(2L, 1L), row(1L + wrap, 2L), row(-1L, -2L), row(null, 2L), row(1L, null),
            row(0L, 0L), row(-1L, 2L)),
        build, List.of(row(1L, 2L), row(1L, 2L), row(-1L, -2L), row(null, 2L), row(1L, null), row(0L, 0L)),
        List.of(0, 1));
    assertEquals(sorted(List.of(row(1L, 2L, 1L, 2L), row(1L, 2L, 1L, 2L), row(-1L, -2L, -1L, -2L),
        row(0L, 0L, 0L, 0L))), rows);
  }

  @Test
  void twoIntegerKeysBeyondIntRangeOnTheBuildSide() {
    // a build value needs 64 bits: the chained path, same answers
    long wrap = 1L << 32;
    RowSchema probe = schema("a", DataType.BIGINT, "b", DataType.BIGINT);
    RowSchema build = schema("x", DataType.BIGINT, "y", DataType.BIGINT);
    List<List<Object>> rows = innerJoin(probe,
        List.of(row(1L, 2L), row(1L + wrap, 2L), row(2L, 1L + wrap), row(2L, 1L)),
        build, List.of(row(1L, 2L), row(1L + wrap, 2L), row(2L, 1L + wrap)), List.of(0, 1));
    assertEquals(sorted(List.of(row(1L, 2L, 1L, 2L), row(1L + wrap, 2L, 1L + wrap, 2L),
        row(2L, 1L + wrap, 2L, 1L + wrap))), rows);
  }

  @Test
  void dateKeys() {
    LocalDate day = LocalDate.of(1995, 3, 15);
    List<List<Object>> rows = innerJoin(schema("d", DataType.DATE), List.of(row(day), row(day.plusDays(1))),
        schema("e", DataType.DATE), List.of(row(day), row((Object) null)), List.of(0));
    assertEquals(List.of(row(day, day)), rows);
  }

  @Test
  void doubleKeysTreatNegativeZeroAsZero() {
    List<List<Object>> rows = innerJoin(schema("x", DataType.DOUBLE), List.of(row(0.0), row(1.5), row(Double.NaN)),
        schema("y", DataType.DOUBLE), List.of(row(-0.0), row(1.5), row(2.5)), List.of(0));
    assertEquals(sorted(List.of(row(0.0, -0.0), row(1.5, 1.5))), rows);
  }

  @Test
  void booleanAndTextCompositeKeys() {
    RowSchema probe = schema("flag", DataType.BOOLEAN, "name", DataType.VARCHAR);
    RowSchema build = schema("f", DataType.BOOLEAN, "n", DataType.VARCHAR);
    List<List<Object>> rows = innerJoin(probe, List.of(row(true, "a"), row(false, "a"), row(true, null)), build,
        List.of(row(true, "a"), row(true, "b"), row(null, "a"), row(true, null)), List.of(0, 1));
    assertEquals(List.of(row(true, "a", true, "a")), rows);
  }
}
