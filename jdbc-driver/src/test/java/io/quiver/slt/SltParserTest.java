package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.slt.SltRecord.SortMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SltParserTest {

  @Test
  void parsesStatementsQueriesCommentsAndLocations() {
    String text = """
        # a comment
        statement ok
        SELECT 1

        statement error
        SELEC 1

        query IT rowsort
        SELECT x, y
        FROM t
        ----
        1 a
        2\tb c

        query I
        SELECT 1 WHERE FALSE
        """;
    List<SltRecord> records = SltParser.parse("f.slt", text);
    assertEquals(4, records.size());
    SltRecord.StatementOk ok = assertInstanceOf(SltRecord.StatementOk.class, records.get(0));
    assertEquals("f.slt:2", ok.location());
    assertEquals("SELECT 1", ok.sql());
    SltRecord.StatementError error = assertInstanceOf(SltRecord.StatementError.class, records.get(1));
    assertEquals("f.slt:5", error.location());
    assertTrue(error.sqlState().isEmpty());
    assertTrue(error.messagePattern().isEmpty());
    SltRecord.Query query = assertInstanceOf(SltRecord.Query.class, records.get(2));
    assertEquals("f.slt:8", query.location());
    assertEquals("SELECT x, y\nFROM t", query.sql());
    assertEquals("IT", query.columnTypes());
    assertEquals(SortMode.ROWSORT, query.sortMode());
    assertEquals(List.of(List.of("1", "a"), List.of("2", "b c")), query.expectedRows());
    SltRecord.Query empty = assertInstanceOf(SltRecord.Query.class, records.get(3));
    assertEquals(List.of(), empty.expectedRows());
    assertEquals(SortMode.NOSORT, empty.sortMode());
  }

  @Test
  void aOneColumnRowIsTakenWhole() {
    SltRecord.Query query = (SltRecord.Query) SltParser.parse("f.slt", "query T\nSELECT 'a b'\n----\na b\n").get(0);
    assertEquals(List.of(List.of("a b")), query.expectedRows());
  }

  @Test
  void parsesSqlStateAndRegex() {
    List<SltRecord> records = SltParser.parse("f.slt", """
        statement error SQLSTATE 22012
        SELECT 1 / 0

        statement error SQLSTATE 42 (?i)not found
        SELECT nope

        statement error column .* not found
        SELECT nope
        """);
    SltRecord.StatementError first = (SltRecord.StatementError) records.get(0);
    assertEquals(Optional.of("22012"), first.sqlState());
    assertTrue(first.messagePattern().isEmpty());
    SltRecord.StatementError second = (SltRecord.StatementError) records.get(1);
    assertEquals(Optional.of("42"), second.sqlState());
    assertEquals("(?i)not found", second.messagePattern().orElseThrow().pattern());
    SltRecord.StatementError third = (SltRecord.StatementError) records.get(2);
    assertTrue(third.sqlState().isEmpty());
    assertEquals("column .* not found", third.messagePattern().orElseThrow().pattern());
  }

  @Test
  void skipAppliesToTheNextRecordOnly() {
    List<SltRecord> records = SltParser.parse("f.slt", """
        # BUG: wrong scale
        skip BUG: wrong scale
        query N
        SELECT 1.50
        ----
        1.50

        query I
        SELECT 1
        ----
        1
        """);
    assertEquals(Optional.of(new SltRecord.Marker(SltRecord.Marker.Kind.SKIP, "BUG: wrong scale")), records.get(0).marker());
    assertEquals(Optional.empty(), records.get(1).marker());
  }

  @Test
  void gapMarksTheNextRecord() {
    List<SltRecord> records = SltParser.parse("f.slt", "gap joins are not supported yet\nstatement ok\nSELECT 1\n");
    assertEquals(Optional.of(new SltRecord.Marker(SltRecord.Marker.Kind.GAP, "joins are not supported yet")),
        records.get(0).marker());
  }

  @Test
  void haltEndsTheFile() {
    List<SltRecord> records = SltParser.parse("f.slt", """
        statement ok
        SELECT 1

        halt

        this is not parsed
        """);
    assertEquals(2, records.size());
    assertInstanceOf(SltRecord.Halt.class, records.get(1));
    assertEquals("f.slt:4", records.get(1).location());
  }

  @Test
  void acceptsWindowsLineEnds() {
    List<SltRecord> records = SltParser.parse("f.slt", "query I\r\nSELECT 1\r\n----\r\n1\r\n");
    assertEquals(List.of(List.of("1")), ((SltRecord.Query) records.get(0)).expectedRows());
  }

  @Test
  void rejectsAnUnknownKeyword() {
    assertParseError("f.slt:3", "expected 'statement'", "# c\n\nselect 1\n");
  }

  @Test
  void rejectsAnUnknownStatementMode() {
    assertParseError("f.slt:1", "statement ok", "statement maybe\nSELECT 1\n");
  }

  @Test
  void rejectsARecordWithoutSql() {
    assertParseError("f.slt:1", "no SQL", "statement ok\n\n");
    assertParseError("f.slt:1", "no SQL", "query I\n----\n1\n");
  }

  @Test
  void rejectsResultsAfterAStatement() {
    assertParseError("f.slt:3", "has no result", "statement ok\nSELECT 1\n----\n1\n");
  }

  @Test
  void rejectsAQueryWithoutTypes() {
    assertParseError("f.slt:1", "needs column types", "query\nSELECT 1\n");
  }

  @Test
  void rejectsAnUnknownTypeLetter() {
    assertParseError("f.slt:1", "unknown column type 'X'", "query IX\nSELECT 1, 2\n");
  }

  @Test
  void rejectsAnUnknownSortMode() {
    assertParseError("f.slt:1", "nosort, rowsort or valuesort", "query I sorted\nSELECT 1\n");
  }

  @Test
  void rejectsARowWithTheWrongNumberOfValues() {
    assertParseError("f.slt:5", "expected 2 value(s)", "query II\nSELECT 1, 2\n----\n1 2\n1 2 3\n");
  }

  @Test
  void rejectsAnEmptyValue() {
    assertParseError("f.slt:4", "(empty)", "query IT\nSELECT 1, ''\n----\n1\t\n");
  }

  @Test
  void rejectsABadSqlState() {
    assertParseError("f.slt:1", "SQLSTATE", "statement error SQLSTATE 2\nSELECT 1\n");
    assertParseError("f.slt:1", "SQLSTATE", "statement error SQLSTATE 220123\nSELECT 1\n");
  }

  @Test
  void rejectsABadRegex() {
    assertParseError("f.slt:2", "invalid error regex", "\nstatement error ([a\nSELECT 1\n");
  }

  @Test
  void rejectsASkipWithoutReasonOrRecord() {
    assertParseError("f.slt:1", "needs a reason", "skip\nquery I\nSELECT 1\n");
    assertParseError("f.slt:1", "not followed by a record", "skip BUG: x\n\n# nothing\n");
    assertParseError("f.slt:2", "two 'skip' or 'gap' lines", "skip a\ngap b\nquery I\nSELECT 1\n");
    assertParseError("f.slt:1", "'gap' needs a reason", "gap\nquery I\nSELECT 1\n");
    assertParseError("f.slt:4", "'gap' is not followed by a record", "statement ok\nSELECT 1\n\ngap x\n");
  }

  private static void assertParseError(String location, String messagePart, String text) {
    SltParseException error = assertThrows(SltParseException.class, () -> SltParser.parse("f.slt", text));
    assertEquals(location, error.location(), error.getMessage());
    assertTrue(error.getMessage().startsWith(location + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(messagePart), error.getMessage());
  }
}
