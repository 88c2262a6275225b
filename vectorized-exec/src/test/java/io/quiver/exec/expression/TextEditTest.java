package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bigint;
import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static io.quiver.exec.expression.TestBatch.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextEditTest {

  private static final Expression S = column(0, DataType.VARCHAR);
  private static final Expression T = column(1, DataType.VARCHAR);

  private RootAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private List<Object> run(Expression expression, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(DataType.VARCHAR, values);
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(expression, root, allocator);
    }
  }

  private List<Object> runPairs(Expression expression, List<Object> left, List<Object> right) {
    TestBatch batch = new TestBatch(allocator, left.size()).column(DataType.VARCHAR, left).column(DataType.VARCHAR, right);
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(expression, root, allocator);
    }
  }

  private static Expression edit(ScalarFunction function, Expression... arguments) {
    return call(function, DataType.VARCHAR, arguments);
  }

  @Test
  void trimSides() {
    assertEquals(Arrays.asList("pad  ", null, ""), run(edit(ScalarFunction.LTRIM, S), "  pad  ", null, "   "));
    assertEquals(Arrays.asList("  pad", null, ""), run(edit(ScalarFunction.RTRIM, S), "  pad  ", null, "   "));
    assertEquals(Arrays.asList("hi", "", "a"), run(edit(ScalarFunction.TRIM, S, text("xy")), "xyxhixyy", "xyyx", "a"));
    assertEquals(Arrays.asList("hix", "caf"), Arrays.asList(
        run(edit(ScalarFunction.LTRIM, S, text("x")), "xxhix").get(0),
        run(edit(ScalarFunction.RTRIM, S, text("éx")), "cafééx").get(0)));
    // Only whole characters match: 'é' must not strip a different two-byte character sharing a byte.
    assertEquals(List.of("cafè"), run(edit(ScalarFunction.RTRIM, S, text("é")), "cafè"));
    assertEquals(List.of("abc"), run(edit(ScalarFunction.TRIM, S, text("")), "abc"));
    assertEquals(Arrays.asList((Object) null), run(edit(ScalarFunction.TRIM, S, nullOf(DataType.VARCHAR)), "abc"));
  }

  @Test
  void trimCharactersFromAColumn() {
    assertEquals(Arrays.asList("b", "a", null), runPairs(edit(ScalarFunction.TRIM, S, T),
        Arrays.asList("aba", "xax", "q"), Arrays.asList("a", "x", null)));
  }

  @Test
  void replace() {
    assertEquals(Arrays.asList("hell0 w0rld", null, "", "n0"),
        run(edit(ScalarFunction.REPLACE, S, text("o"), text("0")), "hello world", null, "", "no"));
    assertEquals(List.of("bb"), run(edit(ScalarFunction.REPLACE, S, text("aa"), text("b")), "aaaa"));
    assertEquals(List.of(""), run(edit(ScalarFunction.REPLACE, S, text("abc"), text("")), "abc"));
    assertEquals(List.of("naïve cafe"), run(edit(ScalarFunction.REPLACE, S, text("é"), text("e")), "naïve café"));
    assertEquals(List.of("abc"), run(edit(ScalarFunction.REPLACE, S, text(""), text("x")), "abc"));
    assertEquals(Arrays.asList("xbc", "xb", null), runPairs(edit(ScalarFunction.REPLACE, S, T, text("x")),
        Arrays.asList("abc", "ab", "a"), Arrays.asList("a", "a", null)));
  }

  @Test
  void replaceGrowsBeyondTheScratchBuffer() {
    String value = "a".repeat(1000);
    assertEquals(List.of("bc".repeat(1000)), run(edit(ScalarFunction.REPLACE, S, text("a"), text("bc")), value));
  }

  @Test
  void position() {
    Expression position = call(ScalarFunction.POSITION, DataType.INTEGER, text("lo"), S);
    assertEquals(Arrays.asList(4L, 0L, null, 0L), run(position, "hello", "world", null, ""));
    assertEquals(Arrays.asList(1L, 1L), run(call(ScalarFunction.POSITION, DataType.INTEGER, text(""), S), "abc", ""));
    assertEquals(List.of(4L), run(call(ScalarFunction.POSITION, DataType.INTEGER, text("é"), S), "café au lait"));
    assertEquals(List.of(4L), run(call(ScalarFunction.POSITION, DataType.BIGINT, text("l"), S, bigint(4)), "hello"));
    assertEquals(List.of(0L), run(call(ScalarFunction.POSITION, DataType.BIGINT, text("l"), S, bigint(9)), "hello"));
    assertEquals(List.of(0L), run(call(ScalarFunction.POSITION, DataType.BIGINT, text("h"), S, bigint(0)), "hello"));
  }

  @Test
  void positionAcrossBatchBoundaries() {
    List<Object> values = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      boolean missing = i % 64 == 63;
      values.add(missing ? null : "x".repeat(i % 5) + "needle");
      expected.add(missing ? null : (long) (i % 5) + 1);
    }
    assertEquals(expected, run(call(ScalarFunction.POSITION, DataType.INTEGER, text("needle"), S), values.toArray()));
  }

  @Test
  void pad() {
    assertEquals(Arrays.asList("xyxhi", "hello", null, "xyxyx"),
        run(edit(ScalarFunction.LPAD, S, bigint(5), text("xy")), "hi", "hello world", null, ""));
    assertEquals(Arrays.asList("hi   ", "he"), Arrays.asList(
        run(edit(ScalarFunction.RPAD, S, bigint(5)), "hi").get(0),
        run(edit(ScalarFunction.RPAD, S, bigint(2)), "hello").get(0)));
    assertEquals(List.of("éé"), run(edit(ScalarFunction.LPAD, S, bigint(2), text("é")), ""));
    assertEquals(List.of(""), run(edit(ScalarFunction.LPAD, S, bigint(-1)), "abc"));
    assertEquals(List.of("ab"), run(edit(ScalarFunction.RPAD, S, bigint(5), text("")), "ab"));
    QuiverException e = assertThrows(QuiverException.class,
        () -> run(edit(ScalarFunction.LPAD, S, bigint(Long.MAX_VALUE)), "a"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
  }

  @Test
  void wrongUsage() {
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class,
        () -> run(edit(ScalarFunction.REPLACE, S, text("a")), "abc")).errorCode());
    assertEquals(ErrorCode.NOT_SUPPORTED, assertThrows(QuiverException.class,
        () -> run(edit(ScalarFunction.LPAD, S, text("5")), "abc")).errorCode());
  }
}
