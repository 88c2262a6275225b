package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bool;
import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.integer;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static io.quiver.exec.expression.TestBatch.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextTest {

  private static final Expression S = column(0, DataType.VARCHAR);

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

  private QuiverException fails(Expression expression, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(DataType.VARCHAR, values);
    try (VectorSchemaRoot root = batch.root()) {
      return assertThrows(QuiverException.class, () -> TestBatch.evaluate(expression, root, allocator));
    }
  }

  private static Expression like(String pattern) {
    return bool(ScalarFunction.LIKE, S, text(pattern));
  }

  @Test
  void likeFastPaths() {
    Object[] values = {"PROMO BRUSHED", "ECONOMY PROMO", "xPROMOx", "PROMO", "", null, "promo"};
    assertEquals(Arrays.asList(true, false, false, true, false, null, false), run(like("PROMO%"), values));
    assertEquals(Arrays.asList(false, true, false, true, false, null, false), run(like("%PROMO"), values));
    assertEquals(Arrays.asList(true, true, true, true, false, null, false), run(like("%PROMO%"), values));
    assertEquals(Arrays.asList(false, false, false, true, false, null, false), run(like("PROMO"), values));
    assertEquals(Arrays.asList(true, true, true, true, true, null, true), run(like("%"), values));
    assertEquals(Arrays.asList(false, false, false, false, true, null, false), run(like(""), values));
  }

  @Test
  void likeGeneralPatterns() {
    Object[] values = {"special packages requests", "requests special", "specialrequests", "a_b", "aXb", "ñb", null};
    assertEquals(Arrays.asList(true, false, true, false, false, false, null), run(like("%special%requests%"), values));
    assertEquals(Arrays.asList(false, false, false, true, true, false, null), run(like("a_b"), values));
    assertEquals(Arrays.asList(false, false, false, false, false, true, null), run(like("_b"), values));
    assertEquals(Arrays.asList(false, false, false, true, true, true, null), run(like("%_b"), values));
    // a%b%a must not let the suffix overlap the prefix
    assertEquals(List.of(true, false, true), run(like("ab%ba"), "abba", "aba", "abxba"));
  }

  @Test
  void likeWithEscapeAndNotLike() {
    Expression escaped = bool(ScalarFunction.LIKE, S, text("a!_b%"), text("!"));
    assertEquals(Arrays.asList(true, false, true, null), run(escaped, "a_b", "aXb", "a_bcd", null));
    Expression notLike = bool(ScalarFunction.NOT_LIKE, S, text("%x%"));
    assertEquals(Arrays.asList(false, true, null), run(notLike, "axb", "ab", null));
    Expression nullPattern = bool(ScalarFunction.LIKE, S, nullOf(DataType.VARCHAR));
    assertEquals(Arrays.asList(null, null), run(nullPattern, "a", null));
  }

  @Test
  void likeWithPatternFromAColumn() {
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.VARCHAR, "abc", "abc", "abc")
        .column(DataType.VARCHAR, "a%", "%d", null);
    try (VectorSchemaRoot root = batch.root()) {
      assertEquals(Arrays.asList(true, false, null),
          TestBatch.evaluate(bool(ScalarFunction.LIKE, S, column(1, DataType.VARCHAR)), root, allocator));
    }
  }

  @Test
  void likeRejectsBadEscapes() {
    QuiverException longEscape = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        bool(ScalarFunction.LIKE, S, text("a%"), text("ab")), allocator));
    assertEquals(ErrorCode.INVALID_ARGUMENT, longEscape.errorCode());
    QuiverException trailing = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        bool(ScalarFunction.LIKE, S, text("a!"), text("!")), allocator));
    assertEquals(ErrorCode.INVALID_ARGUMENT, trailing.errorCode());
  }

  @Test
  void substring() {
    Object[] values = {"13-456", "héllo", "", null};
    assertEquals(Arrays.asList("13", "hé", "", null),
        run(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(1), integer(2)), values));
    assertEquals(Arrays.asList("-456", "llo", "", null),
        run(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(3)), values));
    assertEquals(Arrays.asList("1", "h", "", null),
        run(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(0), integer(2)), values));
    assertEquals(Arrays.asList("", "", "", null),
        run(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(-5), integer(2)), values));
    assertEquals(Arrays.asList("", "", "", null),
        run(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(9), integer(0)), values));
    QuiverException negative = fails(call(ScalarFunction.SUBSTRING, DataType.VARCHAR, S, integer(1), integer(-1)), "abc");
    assertEquals(ErrorCode.INVALID_ARGUMENT, negative.errorCode());
  }

  @Test
  void caseMappingTrimLengthConcat() {
    Object[] values = {"Hello World", "straße", "  pad  ", null};
    assertEquals(Arrays.asList("HELLO WORLD", "STRASSE", "  PAD  ", null), run(call(ScalarFunction.UPPER, DataType.VARCHAR, S), values));
    assertEquals(Arrays.asList("hello world", "straße", "  pad  ", null), run(call(ScalarFunction.LOWER, DataType.VARCHAR, S), values));
    assertEquals(Arrays.asList("Hello World", "straße", "pad", null), run(call(ScalarFunction.TRIM, DataType.VARCHAR, S), values));
    assertEquals(Arrays.asList(11L, 6L, 7L, null), run(call(ScalarFunction.CHAR_LENGTH, DataType.INTEGER, S), values));
    assertEquals(Arrays.asList("Hello World!", "straße!", "  pad  !", null),
        run(call(ScalarFunction.STRING_CONCAT, DataType.VARCHAR, S, text("!")), values));
    assertEquals(Arrays.asList("n=1", "n=1", "n=1", "n=1"),
        run(call(ScalarFunction.STRING_CONCAT, DataType.VARCHAR, text("n="), integer(1)), values));
    assertEquals(Arrays.asList(null, null),
        run(call(ScalarFunction.STRING_CONCAT, DataType.VARCHAR, S, nullOf(DataType.VARCHAR)), "a", null));
  }
}
