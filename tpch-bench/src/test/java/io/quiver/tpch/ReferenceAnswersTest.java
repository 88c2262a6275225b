package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceAnswersTest {

  @Test
  void writesAndReadsBackEveryKindOfValue(@TempDir Path directory) throws IOException {
    ResultRows answer = new ResultRows(List.of("flag", "total", "average", "shipped"), List.of(
        Arrays.asList("A", new BigDecimal("505822441.4861"), 25.575154611454693, "1995-03-15"),
        Arrays.asList("say \"hi\", twice", new BigDecimal("-0.50"), 1e-20, "1998-12-01"),
        Arrays.asList("", null, null, null)));
    Path file = directory.resolve("sf0.01/q01.csv");
    ReferenceAnswers.write(answer, file);
    assertEquals("flag:text,total:exact,average:double,shipped:text",
        Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
    ResultRows read = ReferenceAnswers.read(Files.newInputStream(file), file.toString());
    assertEquals(answer, read);
    assertEquals(new BigDecimal("-0.50"), read.rows().get(1).get(1), "the scale survives");
  }

  @Test
  void aColumnOfNullsIsText(@TempDir Path directory) throws IOException {
    ResultRows answer = new ResultRows(List.of("nothing"), List.of(Arrays.asList((Object) null)));
    Path file = directory.resolve("q.csv");
    ReferenceAnswers.write(answer, file);
    assertEquals(List.of("nothing:text", ""), Files.readAllLines(file));
    assertEquals(answer, ReferenceAnswers.read(Files.newInputStream(file), "q.csv"));
  }

  @Test
  void malformedFilesAreRefusedWithTheLine() {
    assertEquals("x.csv: empty file, expected a header line", error(""));
    assertEquals("x.csv, line 1: column 'a' has no ':kind'", error("a\n1\n"));
    assertEquals("x.csv, line 1: unknown kind 'money' of column a:money", error("a:money\n1\n"));
    assertEquals("x.csv, line 3: 2 fields, expected 1", error("a:exact\n1\n1,2\n"));
    assertEquals("x.csv, line 2: unterminated quoted field", error("a:text\n\"abc\n"));
    assertEquals("x.csv, line 2: text after a closing quote at 4", error("a:text\n\"a\"b\n"));
    assertThrows(NumberFormatException.class, () -> read("a:exact\nabc\n"));
  }

  @Test
  void everyQueryHasAnAnswerAtEveryScale() {
    for (double scale : new double[] {0.01, 1, 10}) {
      for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
        assertTrue(ReferenceAnswers.load(scale, number).isPresent(), "q" + number + " at " + scale);
      }
    }
    assertTrue(ReferenceAnswers.load(100, 1).isEmpty(), "no answers are checked in at SF100");
    assertEquals("sf10", ReferenceAnswers.directoryName(10));
    // Row counts that do not depend on the scale factor, and Q11's with its FRACTION scaled to 0.00001.
    assertEquals(4, ReferenceAnswers.load(10, 1).orElseThrow().rows().size());
    assertEquals(175, ReferenceAnswers.load(10, 9).orElseThrow().rows().size());
    assertEquals(8685, ReferenceAnswers.load(10, 11).orElseThrow().rows().size());
    assertEquals("sf0.01", ReferenceAnswers.directoryName(0.01));
    assertEquals("sf1", ReferenceAnswers.directoryName(1.0));
    // The SF1 row counts of the TPC-H specification's answers.
    assertEquals(4, ReferenceAnswers.load(1, 1).orElseThrow().rows().size());
    assertEquals(18314, ReferenceAnswers.load(1, 16).orElseThrow().rows().size());
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
  }

  private static ResultRows read(String text) throws IOException {
    return ReferenceAnswers.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv");
  }
}
