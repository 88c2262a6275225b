package io.quiver.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.testing.FakeEngine;
import io.quiver.engine.testing.ResultRows;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTest {

  private final FakeEngine engine = new FakeEngine();
  private final Session session = engine.quiver.openSession();

  @AfterEach
  void close() {
    engine.close(); // throws if a buffer leaked
  }

  @Test
  void defaultSchemaIsTheWritableMemoryDefaultWithTpchTinySearched() {
    assertEquals("memory", session.currentCatalog());
    assertEquals("default", session.currentSchema());
    session.execute("SELECT 1").close();
    assertEquals(List.of(List.of("memory", "default"), List.of("tpch", "tiny"), List.of("memory"), List.of("tpch"),
        List.of()), engine.plannedSearchPaths.get(0));
  }

  @Test
  void setSchemaTakesASchemaOrCatalogDotSchema() {
    session.setSchema("sf1"); // not in the current catalog (memory): found in the search path's (tpch)
    assertEquals("sf1", session.currentSchema());
    session.setSchema("tpch.sf10");
    assertEquals("tpch", session.currentCatalog());
    assertEquals("sf10", session.currentSchema());
    session.setSchema("SF100"); // unquoted names match whatever their case
    assertEquals("sf100", session.currentSchema());
    session.setSchema("\"tpch\".\"tiny\"");
    assertEquals("tiny", session.currentSchema());
    session.setSchema("sf1");
    session.execute("SELECT 1").close();
    assertEquals(List.of("tpch", "sf1"), engine.plannedSearchPaths.get(0).get(0));
  }

  @Test
  void unknownSchemasFailAndChangeNothing() {
    for (String wrong : List.of("nosuch", "tpch.nosuch", "other.tiny", "tpch.tiny.lineitem", "", " ")) {
      QuiverException error = assertThrows(QuiverException.class, () -> session.setSchema(wrong), wrong);
      assertEquals(ErrorCode.SCHEMA_NOT_FOUND, error.errorCode(), wrong);
      assertEquals("3F000", error.sqlState());
    }
    assertThrows(QuiverException.class, () -> session.setSchema(null));
    assertEquals("memory", session.currentCatalog());
    assertEquals("default", session.currentSchema());
  }

  @Test
  void setCatalogChecksTheCatalog() {
    session.setSchema("tpch.tiny");
    session.setCatalog("TPCH");
    assertEquals("tpch", session.currentCatalog());
    assertEquals("tiny", session.currentSchema());
    assertEquals(ErrorCode.SCHEMA_NOT_FOUND,
        assertThrows(QuiverException.class, () -> session.setCatalog("nosuch")).errorCode());
    assertEquals("tpch", session.currentCatalog());
  }

  @Test
  void plannerErrorsReachTheCallerAndLeaveTheSessionUsable() {
    QuiverException syntax = assertThrows(QuiverException.class, () -> session.execute("bad syntax"));
    assertEquals(ErrorCode.SYNTAX_ERROR, syntax.errorCode());
    assertEquals(1, syntax.line());
    QuiverException crash = assertThrows(QuiverException.class, () -> session.execute("SELECT 'planner crash'"));
    assertEquals(ErrorCode.INTERNAL_ERROR, crash.errorCode());
    assertInstanceOf(NullPointerException.class, crash.getCause());
    assertEquals(ErrorCode.SYNTAX_ERROR,
        assertThrows(QuiverException.class, () -> session.execute("   ")).errorCode());
    try (QueryResult result = session.execute("SELECT n")) {
      assertEquals(60, ResultRows.count(result));
    }
  }

  @Test
  void closedSessionsRefuseWorkAndCloseTheirResults() {
    QueryResult open = session.execute("SELECT n");
    session.close();
    session.close();
    assertThrows(QuiverException.class, () -> session.execute("SELECT n"));
    assertThrows(QuiverException.class, () -> session.setSchema("sf1"));
    assertEquals(ErrorCode.QUERY_CANCELLED, assertThrows(QuiverException.class, open::loadNextBatch).errorCode());
    assertEquals(0, engine.quiver.allocatedBytes());
  }

  @Test
  void explainReturnsOneRowPerPlanLine() {
    try (QueryResult result = session.execute("EXPLAIN SELECT n")) {
      assertEquals("plan", result.schema().column(0).name());
      assertTrue(result.loadNextBatch());
      assertEquals(3, result.root().getRowCount());
      assertEquals("Result", result.root().getVector("plan").getObject(0).toString());
      assertEquals("    Values", result.root().getVector("plan").getObject(2).toString());
      assertFalse(result.loadNextBatch());
      assertTrue(result.isRowResult());
      assertEquals(-1, result.updateCount());
    }
    assertNull(null);
  }

  @Test
  void sessionsHaveTheirOwnIdsAndSchemas() {
    Session other = engine.quiver.openSession();
    other.setSchema("sf1");
    assertEquals("default", session.currentSchema());
    assertFalse(other.id().equals(session.id()));
    other.close();
    assertSame(session, session);
  }
}
