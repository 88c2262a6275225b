package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metadata as BI tools ask for it, over 1,000 memory tables: {@code getTables} and {@code getColumns}
 * over everything return every table and column, embedded and remote, answered from the catalog.
 * The time of each call is printed (never asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataAtScaleTest {

  static final int TABLES = 1_000;
  static final String SCHEMA = "many";

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
    long started = System.nanoTime();
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA memory." + SCHEMA);
      for (int i = 0; i < TABLES; i++) {
        statement.execute(String.format("CREATE TABLE memory.%s.t%04d AS SELECT * FROM (VALUES (%d, 'name %d',"
            + " DATE '2024-01-31', CAST(1.5 AS DECIMAL(9, 2)))) AS v(id, name, shipped, amount)", SCHEMA, i, i, i));
      }
    }
    System.out.printf("MetadataAtScaleTest: created %d tables in %d ms%n", TABLES,
        (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void getTablesAndGetColumnsOverEverything(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      DatabaseMetaData md = connection.getMetaData();
      // Warm-up: the first calls of a connection load classes and warm the code paths.
      md.getTables(null, null, "%", null).close();
      for (int i = 0; i < 3; i++) {
        long warm = System.nanoTime();
        try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
          while (rs.next()) {
            rs.getString(4);
          }
        }
        System.out.printf("warm-up %s %d: %.1f ms%n", kind, i, (System.nanoTime() - warm) / 1e6);
      }

      long started = System.nanoTime();
      Set<String> tables = new HashSet<>();
      int allTables = 0;
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          allTables++;
          if (SCHEMA.equals(rs.getString("TABLE_SCHEM"))) {
            assertEquals("memory", rs.getString("TABLE_CAT"));
            assertEquals("TABLE", rs.getString("TABLE_TYPE"));
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      long tablesNanos = System.nanoTime() - started;
      assertEquals(TABLES, tables.size());
      assertTrue(tables.contains("t0000") && tables.contains("t0999"));

      started = System.nanoTime();
      int memoryColumns = 0;
      int allColumns = 0;
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          allColumns++;
          if (SCHEMA.equals(rs.getString("TABLE_SCHEM"))) {
            memoryColumns++;
            String column = rs.getString("COLUMN_NAME");
            int ordinal = rs.getInt("ORDINAL_POSITION");
            switch (column) {
              case "id" -> assertEquals(1, ordinal);
              case "name" -> assertEquals(Types.VARCHAR == rs.getInt("DATA_TYPE") || Types.CHAR == rs.getInt("DATA_TYPE"),
                  true);
              case "shipped" -> assertEquals(Types.DATE, rs.getInt("DATA_TYPE"));
              case "amount" -> {
                assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
                assertEquals(9, rs.getInt("COLUMN_SIZE"));
                assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
                assertEquals(4, ordinal);
              }
              default -> throw new AssertionError("unexpected column " + column);
            }
          }
        }
      }
      long columnsNanos = System.nanoTime() - started;
      assertEquals(4 * TABLES, memoryColumns);

      started = System.nanoTime();
      int one = 0;
      try (ResultSet rs = md.getColumns("memory", SCHEMA, "t0500", "%")) {
        while (rs.next()) {
          one++;
        }
      }
      long oneTableNanos = System.nanoTime() - started;
      assertEquals(4, one);
      System.out.printf("MetadataAtScaleTest %-8s getTables(all): %d rows in %.1f ms; getColumns(all): %d rows in"
              + " %.1f ms; getColumns(one table): %.1f ms%n", kind, allTables, tablesNanos / 1e6, allColumns,
          columnsNanos / 1e6, oneTableNanos / 1e6);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void identifierRulesAndFlagsDescribeQuiversSql(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      DatabaseMetaData md = connection.getMetaData();
      assertTrue(md.storesLowerCaseIdentifiers());
      assertFalse(md.storesUpperCaseIdentifiers());
      assertFalse(md.storesMixedCaseIdentifiers());
      assertTrue(md.supportsMixedCaseQuotedIdentifiers());
      assertEquals("\"", md.getIdentifierQuoteString());
      assertFalse(md.isReadOnly());
      assertTrue(md.nullsAreSortedHigh());
      assertFalse(md.supportsTransactions());
      assertFalse(md.supportsStoredProcedures());
      for (boolean flag : new boolean[] {md.supportsGroupBy(), md.supportsOuterJoins(), md.supportsFullOuterJoins(),
          md.supportsUnionAll(), md.supportsColumnAliasing(), md.supportsExpressionsInOrderBy(),
          md.supportsSubqueriesInIns(), md.supportsLikeEscapeClause(), md.supportsSchemasInDataManipulation(),
          md.supportsCatalogsInDataManipulation(), md.supportsTableCorrelationNames()}) {
        assertTrue(flag);
      }
      assertTrue(md.getStringFunctions().contains("UCASE"));
      assertTrue(md.getTimeDateFunctions().contains("CURDATE"));
      // A name as a user types it (unquoted, any case) finds the table once folded as the flags say.
      try (ResultSet rs = md.getTables("memory", SCHEMA, "T0001".toLowerCase(java.util.Locale.ROOT), null)) {
        assertTrue(rs.next());
      }
      try (ResultSet rs = md.getPrimaryKeys("memory", SCHEMA, "t0001")) {
        assertFalse(rs.next());
      }
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        rs.getMetaData();
      }
    }
  }
}
