package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.junit.jupiter.api.Test;

/** Wrong SQL: every error has its code, SQLState, position and names what is wrong. */
class SqlErrorTest {

  private static QuiverException fail(String sql) {
    return assertThrows(QuiverException.class, () -> PlanTesting.plan(sql));
  }

  private static void assertError(QuiverException e, ErrorCode code, String sqlState, int line,
      int column, String... messageParts) {
    assertEquals(code, e.errorCode(), e.getMessage());
    assertEquals(sqlState, e.sqlState());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    for (String part : messageParts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }

  @Test
  void syntaxErrorHasLineAndColumn() {
    // "wehre" reads as a table alias, so the parser trips over the next word.
    assertError(fail("select *\nfrom lineitem\nwehre l_quantity > 1"), ErrorCode.SYNTAX_ERROR, "42601", 3, 7,
        "l_quantity", "line 3, column 7");
    assertError(fail("select * frm lineitem"), ErrorCode.SYNTAX_ERROR, "42601", 1, 14, "lineitem");
  }

  @Test
  void syntaxErrorInExplainKeepsThePositionOfTheOriginalText() {
    assertError(fail("explain select from lineitem"), ErrorCode.SYNTAX_ERROR, "42601", 1, 16);
  }

  @Test
  void emptyStatementIsASyntaxError() {
    assertEquals(ErrorCode.SYNTAX_ERROR, fail("   ").errorCode());
  }

  @Test
  void unknownTableIsNamed() {
    assertError(fail("select * from\n  lineitems"), ErrorCode.TABLE_NOT_FOUND, "42P01", 2, 3,
        "'lineitems'");
    assertError(fail("select * from nosuch.lineitem"), ErrorCode.TABLE_NOT_FOUND, "42P01", 1, 15,
        "nosuch");
  }

  @Test
  void unknownColumnIsNamed() {
    assertError(fail("select l_orderkey, l_nosuch from lineitem"), ErrorCode.COLUMN_NOT_FOUND, "42703",
        1, 20, "'l_nosuch'");
    assertError(fail("select n.n_nosuch from nation n"), ErrorCode.COLUMN_NOT_FOUND, "42703", 1, 10,
        "n_nosuch", "table 'n'");
  }

  @Test
  void namesMatchIgnoringCase() {
    // Unquoted names fold to lower case; quoted ones keep it; matching ignores case.
    PlanTesting.planner().plan("select \"N_NAME\", n_Name from NATION", PlanTesting.TINY);
    PlanTesting.planner().plan("select mixedcase, \"MixedCase\" from test.misc.nullable", PlanTesting.TINY);
  }

  @Test
  void unknownFunctionIsNamed() {
    assertError(fail("select nosuchfunction(n_name) from nation"), ErrorCode.FUNCTION_NOT_FOUND, "42883",
        1, 8, "nosuchfunction");
  }

  @Test
  void wrongArgumentTypesAreATypeMismatch() {
    // (n_nationkey + date '2020-01-01' is a date, n days later, as in PostgreSQL.)
    assertError(fail("select date '2020-01-01' * n_nationkey from nation"), ErrorCode.TYPE_MISMATCH,
        "42804", 1, 8, "'*'");
    assertError(fail("select sum(n_regionkey = 1) from nation"), ErrorCode.TYPE_MISMATCH, "42804", 1, 8, "SUM");
    assertError(fail("select * from nation where n_name"), ErrorCode.TYPE_MISMATCH, "42804", 1, 28);
  }

  @Test
  void ungroupedColumnIsAGroupingError() {
    // PostgreSQL's grouping_error.
    assertError(fail("select n_name, count(*) from nation"), ErrorCode.GROUPING_ERROR, "42803", 1, 8,
        "n_name");
  }

  @Test
  void unsupportedConstructsAreReportedAsSuch() {
    // A scalar subquery that is not an aggregate is planned with its single-row check.
    io.quiver.exec.fragment.stage.StagePlan scalar = PlanTesting.plan("select n_name from nation where n_regionkey ="
        + " (select r_regionkey from region where r_name = 'ASIA')").stagePlan();
    assertEquals(1, PlanTesting.nodes(scalar, io.quiver.exec.fragment.node.EnforceSingleRowNode.class).size());
    assertEquals(ErrorCode.NOT_SUPPORTED,
        fail("select count(distinct n_regionkey) over (partition by n_name) from nation").errorCode());
  }
}
