package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import io.quiver.jdbc.QuiverConnection;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLClientInfoException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One suite, three drivers: the embedded driver ({@code embedded}), the thin driver ({@code thin})
 * and the stock Avatica remote driver ({@code avatica}) against a real server on loopback. Each test
 * states what the embedded driver gives and checks the driver under test gives the same; where the
 * stock driver cannot (its client code words errors its own way), the test says what it gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverConformanceTest {

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  // --- errors with their cause ---------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void prepareOfAnUnknownTableSaysNotFoundWithItsPosition(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      SQLException e = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT * FROM nosuch"));
      assertServerError(kind, e, "42P01", 2, "Table or schema 'nosuch' not found (at line 1, column 15)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void executeOfAnUnknownTableSaysWhereOnWhichLine(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT *\nFROM  nosuch"));
      assertServerError(kind, e, "42P01", 2, "Table or schema 'nosuch' not found (at line 2, column 7)");
      // the statement stays usable
      try (ResultSet rs = statement.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void syntaxErrorAtPrepareAndAtExecute(String kind) throws Exception {
    String sql = "SELECT 1 FROM FROM tpch.tiny.nation";
    String expected = embeddedError(() -> {
      try (Connection c = fixture.embedded(); Statement s = c.createStatement()) {
        s.executeQuery(sql);
      }
    }).getMessage();
    assertTrue(expected.contains("line 1, column"), expected);
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      assertServerError(kind, assertThrows(SQLException.class, () -> connection.prepareStatement(sql)),
          "42601", -2, expected);
      assertServerError(kind, assertThrows(SQLException.class, () -> statement.execute(sql)), "42601", -2, expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void errorOfAPreparedExecutionKeepsItsState(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT 10 / ? FROM tpch.tiny.region")) {
      prepared.setInt(1, 0);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = prepared.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      });
      assertServerError(kind, e, "22012", 100, "Division by zero: 10 / 0");
      if (!kind.equals("avatica")) {
        assertInstanceOf(SQLDataException.class, e);
      }
    }
  }

  // --- exact values ---------------------------------------------------------------------------

  /** One value of every engine type, and a NULL of each. */
  private static final String EVERY_TYPE = "SELECT CAST(1 AS TINYINT) AS t, CAST(-2 AS SMALLINT) AS s,"
      + " 3 AS i, CAST(9000000000 AS BIGINT) AS b, CAST(1.5 AS REAL) AS r, 2.25e0 AS d,"
      + " CAST(1.50 AS DECIMAL(10, 3)) AS dm, CAST('ab' AS CHAR(4)) AS c, 'xyz' AS v, X'00ff10' AS bin,"
      + " DATE '2024-01-31' AS dt, TIME '10:11:12.5' AS tm, TIMESTAMP '2024-01-31 10:11:12.5' AS ts,"
      + " TIMESTAMP '1969-12-31 23:59:59.123' AS before_epoch, TRUE AS yes,"
      // CAST, not a literal: TIMESTAMP and TIME literals lose their microseconds in the planner today
      + " CAST('2024-01-31 10:11:12.123456' AS TIMESTAMP) AS ts_us, CAST('23:59:59.000001' AS TIME) AS tm_us,"
      + " CAST(NULL AS TINYINT) AS n_t, CAST(NULL AS SMALLINT) AS n_s, CAST(NULL AS INTEGER) AS n_i,"
      + " CAST(NULL AS BIGINT) AS n_b, CAST(NULL AS REAL) AS n_r, CAST(NULL AS DOUBLE) AS n_d,"
      + " CAST(NULL AS DECIMAL(10, 3)) AS n_dm, CAST(NULL AS CHAR(4)) AS n_c, CAST(NULL AS VARCHAR) AS n_v,"
      + " CAST(NULL AS VARBINARY) AS n_bin, CAST(NULL AS DATE) AS n_dt, CAST(NULL AS TIME) AS n_tm,"
      + " CAST(NULL AS TIMESTAMP) AS n_ts, CAST(NULL AS BOOLEAN) AS n_yes";

  /**
   * Every value reads the same through the thin driver as through the embedded one; through the
   * stock driver too, but for TIME and TIMESTAMP only to the millisecond (Avatica's frames carry
   * milliseconds) and with three fraction digits in their text.
   */
  @ParameterizedTest
  @ValueSource(strings = {"thin", "avatica"})
  void everyTypeReadsAsTheEmbeddedDriverReadsIt(String kind) throws Exception {
    boolean stock = kind.equals("avatica");
    List<String> expected = readAll(fixture.embedded(), EVERY_TYPE, stock);
    assertEquals(expected, readAll(fixture.connect(kind), EVERY_TYPE, stock));
    assertTrue(expected.contains("ts|TIMESTAMP|93|2024-01-31 10:11:12.5|2024-01-31 10:11:12.5"), expected::toString);
    assertTrue(expected.contains(stock ? "ts_us|TIMESTAMP|93|2024-01-31 10:11:12.123|2024-01-31 10:11:12.123"
        : "ts_us|TIMESTAMP|93|2024-01-31 10:11:12.123456|2024-01-31 10:11:12.123456"), expected::toString);
    assertTrue(expected.contains(stock ? "tm_us|TIME|92|23:59:59|23:59:59" : "tm_us|TIME|92|23:59:59.000001|23:59:59"),
        expected::toString);
    assertTrue(expected.contains("tm|TIME|92|10:11:12.5|10:11:12"), expected::toString);
    assertTrue(expected.contains("c|CHAR|1|ab|ab"), expected::toString);
    assertTrue(expected.contains("dm|DECIMAL|3|1.500|1.500"), expected::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void typedGettersOfEveryType(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(EVERY_TYPE)) {
      assertTrue(rs.next());
      assertEquals(1, rs.getByte("t"));
      assertEquals(-2, rs.getShort("s"));
      assertEquals(3, rs.getInt("i"));
      assertEquals(9_000_000_000L, rs.getLong("b"));
      assertEquals(1.5f, rs.getFloat("r"));
      assertEquals(2.25, rs.getDouble("d"));
      assertEquals(new BigDecimal("1.500"), rs.getBigDecimal("dm"));
      assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, rs.getBytes("bin"));
      assertEquals(Date.valueOf("2024-01-31"), rs.getDate("dt"));
      assertEquals(LocalDate.of(2024, 1, 31), rs.getDate("dt").toLocalDate());
      assertEquals(Time.valueOf("10:11:12").getTime() + 500, rs.getTime("tm").getTime());
      assertEquals(Timestamp.valueOf("2024-01-31 10:11:12.5"), rs.getTimestamp("ts"));
      assertEquals(Timestamp.valueOf("1969-12-31 23:59:59.123"), rs.getTimestamp("before_epoch"));
      assertTrue(rs.getBoolean("yes"));
      if (!kind.equals("avatica")) {
        assertEquals(123_456_000, rs.getTimestamp("ts_us").getNanos());
        assertEquals(Timestamp.valueOf("2024-01-31 10:11:12.123456"), rs.getTimestamp("ts_us"));
        assertEquals(LocalDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_000), rs.getObject("ts_us", LocalDateTime.class));
        assertEquals(LocalTime.of(23, 59, 59, 1000), rs.getObject("tm_us", LocalTime.class));
        assertEquals(LocalDate.of(2024, 1, 31), rs.getObject("ts_us", LocalDate.class));
        assertEquals(Timestamp.valueOf("2024-01-31 10:11:12.123").getTime(), rs.getLong("ts_us"));
        assertThrows(SQLException.class, () -> rs.getBigDecimal("ts_us"));
      }
      for (int i = rs.findColumn("n_t"); i <= rs.getMetaData().getColumnCount(); i++) {
        assertNull(rs.getObject(i), rs.getMetaData().getColumnLabel(i));
        assertNull(rs.getString(i));
        assertTrue(rs.wasNull());
      }
    }
  }

  /** Label, type name, type code (scale for DECIMAL, 1 for CHAR), getString and getObject of each column. */
  private static List<String> readAll(Connection connection, String sql, boolean toMillis) throws SQLException {
    try (connection; Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          int code = md.getColumnType(i) == Types.DECIMAL ? md.getScale(i)
              : md.getColumnType(i) == Types.CHAR ? 1 : md.getColumnType(i);
          String text = rs.getString(i);
          String object = value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
          if (toMillis && text != null && (code == Types.TIME || code == Types.TIMESTAMP)) {
            text = toMillis(text);
            object = toMillis(object);
          }
          rows.add(md.getColumnLabel(i) + "|" + md.getColumnTypeName(i) + "|" + code + "|" + text + "|" + object);
        }
      }
      return rows;
    }
  }

  /**
   * The stock driver prints a TIME's and a TIMESTAMP's fraction with three digits, zeros and all
   * (Avatica's accessors); Quiver's drivers print the digits there are, as PostgreSQL does.
   */
  private static String withoutTrailingZeros(String text) {
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  /** A time's text cut to the millisecond, without trailing zeros. */
  private static String toMillis(String text) {
    return withoutTrailingZeros(text.replaceAll("(\\.\\d{1,3})\\d*$", "$1"));
  }

  // --- parameters ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void everyJavaTimeSetter(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? AS v")) {
      assertEquals("2024-01-31|DATE", bound(prepared, LocalDate.of(2024, 1, 31)));
      assertEquals("10:11:12.5|TIME", bound(prepared, LocalTime.of(10, 11, 12, 500_000_000)));
      assertEquals("2024-01-31 10:11:12.25|TIMESTAMP", bound(prepared, LocalDateTime.of(2024, 1, 31, 10, 11, 12, 250_000_000)));
      assertEquals("2024-01-31 09:11:12|TIMESTAMP",
          bound(prepared, OffsetDateTime.of(2024, 1, 31, 10, 11, 12, 0, ZoneOffset.ofHours(1))));
      assertEquals("2024-01-31 09:11:12|TIMESTAMP",
          bound(prepared, ZonedDateTime.of(2024, 1, 31, 10, 11, 12, 0, ZoneId.of("Europe/Paris"))));
      assertEquals("2024-01-31 10:11:12|TIMESTAMP", bound(prepared, Instant.parse("2024-01-31T10:11:12Z")));
      assertEquals("09:11:12|TIME", bound(prepared, OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHours(1))));
      // to the microsecond (digits after it are cut), as the engine keeps them
      assertEquals("10:11:12.123456|TIME", bound(prepared, LocalTime.of(10, 11, 12, 123_456_789)));
      assertEquals("23:59:59.999999|TIME", bound(prepared, LocalTime.MAX));
      assertEquals("00:00:00.000001|TIME", bound(prepared, LocalTime.of(0, 0, 0, 1_000)));
      assertEquals("09:11:12.000001|TIME", bound(prepared, OffsetTime.of(10, 11, 12, 1_000, ZoneOffset.ofHours(1))));
      assertEquals("2024-01-31 10:11:12.123456|TIMESTAMP",
          bound(prepared, LocalDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_000)));
      assertEquals("1969-12-31 23:59:59.999999|TIMESTAMP",
          bound(prepared, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
      assertEquals("2024-01-31 09:11:12.000007|TIMESTAMP",
          bound(prepared, OffsetDateTime.of(2024, 1, 31, 10, 11, 12, 7_000, ZoneOffset.ofHours(1))));
      prepared.setObject(1, LocalDateTime.of(2024, 1, 31, 10, 11, 12, 654_321_000), Types.TIME);
      assertEquals("10:11:12.654321|TIME", first(prepared));
      prepared.setObject(1, LocalTime.of(10, 11, 12, 654_321_000));
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(LocalTime.of(10, 11, 12, 654_321_000), rs.getObject(1, LocalTime.class));
      }
      try (PreparedStatement compare = prepared.getConnection().prepareStatement(
          "SELECT count(*) FROM (VALUES (CAST('10:11:12.000001' AS TIME))) AS t(x) WHERE x = ?")) {
        compare.setObject(1, LocalTime.of(10, 11, 12, 1_000));
        assertEquals("1|BIGINT", first(compare));
        compare.setObject(1, LocalTime.of(10, 11, 12, 2_000));
        assertEquals("0|BIGINT", first(compare));
      }
      // with a Types hint
      prepared.setObject(1, LocalDateTime.of(2024, 1, 31, 10, 11), Types.DATE);
      assertEquals("2024-01-31|DATE", first(prepared));
      prepared.setObject(1, LocalDate.of(2024, 1, 31), Types.TIMESTAMP);
      assertEquals("2024-01-31 00:00:00|TIMESTAMP", first(prepared));
      prepared.setObject(1, LocalDateTime.of(2024, 1, 31, 10, 11), Types.TIME);
      assertEquals("10:11:00|TIME", first(prepared));
      prepared.setObject(1, LocalDate.of(2024, 1, 31), Types.VARCHAR);
      assertEquals("2024-01-31|CHAR", first(prepared)); // a text parameter is a literal, and literals are CHAR
      prepared.setObject(1, LocalDate.of(2024, 1, 31), Types.DATE, 0);
      assertEquals("2024-01-31|DATE", first(prepared));
      SQLException wrongType = assertThrows(SQLException.class,
          () -> prepared.setObject(1, LocalDate.of(2024, 1, 31), Types.INTEGER));
      assertEquals("0A000", wrongType.getSQLState());
      assertNotNull(wrongType.getMessage());
      SQLException noDate = assertThrows(SQLException.class,
          () -> prepared.setObject(1, LocalTime.NOON, Types.DATE));
      assertEquals("0A000", noDate.getSQLState());
      assertThrows(SQLException.class, () -> prepared.setObject(2, LocalDate.of(2024, 1, 31)));
    }
  }

  /**
   * Stream and LOB setters bind what the stream holds (to its length, if one is given); a null
   * stream is a NULL; ROWID and SQLXML are refused with 0A000 (they used to vanish: the execution
   * then said the parameter had no value).
   */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void streamAndLobSetters(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? AS v")) {
      prepared.setCharacterStream(1, new java.io.StringReader("héllo"));
      assertEquals("héllo|CHAR", first(prepared));
      prepared.setCharacterStream(1, new java.io.StringReader("héllo world"), 5);
      assertEquals("héllo|CHAR", first(prepared));
      prepared.setNCharacterStream(1, new java.io.StringReader("n"), 1L);
      assertEquals("n|CHAR", first(prepared));
      prepared.setClob(1, new java.io.StringReader("clob"));
      assertEquals("clob|CHAR", first(prepared));
      prepared.setNString(1, "ñ");
      assertEquals("ñ|CHAR", first(prepared));
      prepared.setAsciiStream(1, new java.io.ByteArrayInputStream("ascii".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      assertEquals("ascii|CHAR", first(prepared));
      prepared.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[] {1, 2, (byte) 0xff}));
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBytes(1));
      }
      prepared.setBlob(1, new java.io.ByteArrayInputStream(new byte[] {7, 8, 9}), 2L);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertArrayEquals(new byte[] {7, 8}, rs.getBytes(1));
      }
      prepared.setCharacterStream(1, null);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertNull(rs.getString(1));
      }
      SQLException rowId = assertThrows(SQLException.class, () -> prepared.setRowId(1, null));
      assertEquals("0A000", rowId.getSQLState());
      assertInstanceOf(SQLFeatureNotSupportedException.class, rowId);
      assertEquals("0A000", assertThrows(SQLException.class, () -> prepared.setSQLXML(1, null)).getSQLState());
      assertEquals("22023", assertThrows(SQLException.class,
          () -> prepared.setCharacterStream(2, new java.io.StringReader("x"))).getSQLState());
      assertEquals("22023", assertThrows(SQLException.class,
          () -> prepared.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[1]), -5L)).getSQLState());
    }
  }

  /** A NULL parameter keeps its type (the stock driver's NULLs have none: it cannot send one). */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void typedNullParameters(String kind) throws Exception {
    Map<Integer, String> types = new java.util.LinkedHashMap<>();
    types.put(Types.BOOLEAN, "BOOLEAN");
    types.put(Types.BIT, "BOOLEAN");
    types.put(Types.TINYINT, "TINYINT");
    types.put(Types.SMALLINT, "SMALLINT");
    types.put(Types.INTEGER, "INTEGER");
    types.put(Types.BIGINT, "BIGINT");
    types.put(Types.REAL, "REAL");
    types.put(Types.DOUBLE, "DOUBLE");
    types.put(Types.DECIMAL, "DECIMAL");
    types.put(Types.VARCHAR, "VARCHAR");
    types.put(Types.CHAR, "VARCHAR");
    types.put(Types.DATE, "DATE");
    types.put(Types.TIME, "TIME");
    types.put(Types.TIMESTAMP, "TIMESTAMP");
    types.put(Types.VARBINARY, "VARBINARY");
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? AS v")) {
      for (Map.Entry<Integer, String> type : types.entrySet()) {
        prepared.setNull(1, type.getKey());
        try (ResultSet rs = prepared.executeQuery()) {
          assertTrue(rs.next());
          assertNull(rs.getObject(1));
          assertEquals(type.getValue(), rs.getMetaData().getColumnTypeName(1), "setNull " + type.getKey());
        }
        prepared.setObject(1, null, type.getKey());
        try (ResultSet rs = prepared.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(type.getValue(), rs.getMetaData().getColumnTypeName(1), "setObject(null) " + type.getKey());
        }
      }
    }
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT count(*) FROM tpch.tiny.nation WHERE n_nationkey > ? OR ? IS NULL")) {
      prepared.setNull(1, Types.BIGINT);
      prepared.setNull(2, Types.INTEGER);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(25L, rs.getLong(1));
      }
    }
  }

  /**
   * A prepared query's parameters have the types the validator infers from where each stands; where
   * nothing says (a bare {@code SELECT ?}) the type is OTHER. Every parameter takes NULL.
   */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void parameterMetaDataHasTheInferredTypes(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT n_name FROM tpch.tiny.nation "
             + "WHERE n_nationkey = ? AND n_name LIKE ? AND n_regionkey <> ? AND CAST(? AS DECIMAL(10, 2)) < 5 "
             + "AND ? < DATE '2024-01-01' AND ? > TIMESTAMP '2024-01-01 00:00:00'")) {
      java.sql.ParameterMetaData parameters = prepared.getParameterMetaData();
      assertEquals(6, parameters.getParameterCount());
      List<String> described = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        described.add(parameters.getParameterType(i) + " " + parameters.getParameterTypeName(i) + " "
            + parameters.getPrecision(i) + " " + parameters.getScale(i) + " " + parameters.getParameterClassName(i));
      }
      assertEquals(List.of("-5 BIGINT 19 0 java.lang.Long", "12 VARCHAR 25 0 java.lang.String",
          "-5 BIGINT 19 0 java.lang.Long", "3 DECIMAL 10 2 java.math.BigDecimal",
          "91 DATE 10 0 java.sql.Date", "93 TIMESTAMP 26 6 java.sql.Timestamp"), described);
      if (!kind.equals("avatica")) {
        assertEquals(java.sql.ParameterMetaData.parameterNullable, parameters.isNullable(1));
        SQLException outside = assertThrows(SQLException.class, () -> parameters.isNullable(7));
        assertEquals("22023", outside.getSQLState());
      }
      prepared.setInt(1, 7);
      prepared.setString(2, "G%");
      prepared.setInt(3, 1);
      prepared.setBigDecimal(4, BigDecimal.ONE);
      prepared.setDate(5, Date.valueOf("2020-01-01"));
      prepared.setTimestamp(6, Timestamp.valueOf("2024-06-01 00:00:00"));
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("GERMANY", rs.getString(1));
      }
    }
    try (Connection connection = fixture.connect(kind);
         PreparedStatement bare = connection.prepareStatement("SELECT ? AS v");
         PreparedStatement insert = connection.prepareStatement("VALUES (?)")) {
      assertEquals(Types.OTHER, bare.getParameterMetaData().getParameterType(1));
      assertEquals(1, insert.getParameterMetaData().getParameterCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void javaSqlSettersAndTypesHints(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? AS v")) {
      prepared.setDate(1, Date.valueOf("2024-01-31"));
      assertEquals("2024-01-31|DATE", first(prepared));
      prepared.setTimestamp(1, Timestamp.valueOf("2024-01-31 10:11:12.5"));
      assertEquals("2024-01-31 10:11:12.5|TIMESTAMP", first(prepared, kind));
      prepared.setTime(1, Time.valueOf("10:11:12"));
      assertEquals("10:11:12|TIME", first(prepared, kind));
      prepared.setBigDecimal(1, new BigDecimal("12.340"));
      assertEquals("12.340|DECIMAL", first(prepared));
      prepared.setBytes(1, new byte[] {1, 2});
      assertEquals("VARBINARY", first(prepared).split("\\|")[1]);
      prepared.setBoolean(1, true);
      assertEquals("true|BOOLEAN", first(prepared));
      prepared.setObject(1, "42", Types.INTEGER);
      assertEquals("42|INTEGER", first(prepared));
      prepared.setObject(1, 7, Types.BIGINT);
      assertEquals("7|BIGINT", first(prepared));
      prepared.setString(1, "a'b");
      assertEquals("a'b|CHAR", first(prepared));
    }
  }

  private static String bound(PreparedStatement prepared, Object value) throws SQLException {
    prepared.setObject(1, value);
    return first(prepared);
  }

  /** As {@link #first(PreparedStatement)}, the stock driver's TIME and TIMESTAMP text without trailing zeros. */
  private static String first(PreparedStatement prepared, String kind) throws SQLException {
    String[] parts = first(prepared).split("\\|");
    boolean temporal = parts[1].equals("TIME") || parts[1].equals("TIMESTAMP");
    return (kind.equals("avatica") && temporal ? withoutTrailingZeros(parts[0]) : parts[0]) + "|" + parts[1];
  }

  private static String first(PreparedStatement prepared) throws SQLException {
    try (ResultSet rs = prepared.executeQuery()) {
      assertTrue(rs.next());
      return rs.getString(1) + "|" + rs.getMetaData().getColumnTypeName(1);
    }
  }

  // --- the rest of the surface BI tools touch ------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void cancelOfARunningQueryReturnsAndTheQueryFailsAsCancelled(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      statement.cancel(); // nothing runs: a no-op
      for (int round = 0; round < 2; round++) {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
          try (ResultSet rs = statement.executeQuery(RemoteJdbcTest.LONG_QUERY)) {
            return rs.next();
          } catch (SQLException e) {
            return e;
          }
        });
        Thread.sleep(300);
        statement.cancel();
        statement.cancel(); // twice is as good as once
        Object outcome = running.get(60, TimeUnit.SECONDS);
        SQLException failure = assertInstanceOf(SQLException.class, outcome);
        assertEquals("57014", failure.getSQLState(), failure::toString);
        assertNotNull(failure.getMessage());
      }
      assertEquals(25L, RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void cancelWhileRowsAreFetchedEndsTheResult(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      try (ResultSet rs = statement.executeQuery("SELECT l_orderkey FROM tpch.sf1.lineitem")) {
        assertTrue(rs.next());
        statement.cancel();
        SQLException failure = assertThrows(SQLException.class, () -> {
          while (rs.next()) {
            rs.getLong(1);
          }
        });
        assertEquals("57014", failure.getSQLState(), failure::toString);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void fetchSizesGiveEveryRowOnce(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      for (int fetchSize : new int[] {0, 1, 7, 1000, 100_000}) {
        statement.setFetchSize(fetchSize);
        assertEquals(fetchSize, statement.getFetchSize());
        try (ResultSet rs = statement.executeQuery("SELECT o_orderkey FROM tpch.tiny.orders ORDER BY o_orderkey")) {
          long rows = 0;
          long sum = 0;
          while (rs.next()) {
            rows++;
            sum += rs.getLong(1);
          }
          assertEquals(15_000, rows, "fetch size " + fetchSize);
          assertEquals(RemoteJdbcTest.scalar(fixture.embedded(), "SELECT sum(o_orderkey) FROM tpch.tiny.orders"), sum);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void scrollableAndUpdatableResultSetsAreRefusedWithAReason(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      SQLException scroll = assertThrows(SQLFeatureNotSupportedException.class, () -> connection.createStatement(
          ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
      assertTrue(scroll.getMessage().contains("TYPE_SCROLL_INSENSITIVE"), scroll.getMessage());
      assertEquals("0A000", scroll.getSQLState());
      SQLException update = assertThrows(SQLFeatureNotSupportedException.class, () -> connection.prepareStatement(
          "SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
      assertTrue(update.getMessage().contains("CONCUR_UPDATABLE"), update.getMessage());
      for (Failing call : List.<Failing>of(() -> connection.prepareCall("CALL x()"), connection::setSavepoint,
          connection::createBlob, connection::createClob, () -> connection.setTypeMap(Map.of("a", String.class)),
          () -> connection.prepareStatement("SELECT 1", new int[] {1}))) {
        SQLException e = assertThrows(SQLFeatureNotSupportedException.class, call::run);
        assertNotNull(e.getMessage());
        assertEquals("0A000", e.getSQLState());
      }
      try (Statement plain = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
           PreparedStatement prepared = connection.prepareStatement("SELECT 1", Statement.NO_GENERATED_KEYS)) {
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, plain.getResultSetType());
        assertTrue(prepared.executeQuery().next());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void clientInfoIsKeptAndTheApplicationNameReachesTheSession(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      assertNull(connection.getClientInfo("ApplicationName"));
      connection.setClientInfo("ApplicationName", "Superset \u00e9");
      connection.setClientInfo("ClientUser", "ana");
      assertEquals("Superset \u00e9", connection.getClientInfo("ApplicationName"));
      assertEquals("ana", connection.getClientInfo().getProperty("ClientUser"));
      assertEquals("Superset \u00e9", sessionApplicationName(connection, kind));
      SQLClientInfoException unknown = assertThrows(SQLClientInfoException.class,
          () -> connection.setClientInfo("Colour", "blue"));
      assertTrue(unknown.getMessage().contains("Colour"), unknown.getMessage());
      assertEquals(ClientInfoStatus.REASON_UNKNOWN_PROPERTY, unknown.getFailedProperties().get("Colour"));
      assertThrows(SQLClientInfoException.class, () -> connection.setClientInfo("ApplicationName", "x".repeat(300)));
      connection.setClientInfo("ApplicationName", null);
      assertNull(connection.getClientInfo("ApplicationName"));
      assertNull(sessionApplicationName(connection, kind));
    }
  }

  /** The application name the engine's session behind the connection holds. */
  private String sessionApplicationName(Connection connection, String kind) throws SQLException {
    if (kind.equals("embedded")) {
      return connection.unwrap(QuiverConnection.class).session().applicationName();
    }
    Set<String> names = fixture.applicationNames();
    assertTrue(names.size() <= 1, names::toString);
    return names.isEmpty() ? null : names.iterator().next();
  }

  /** The stock driver sends the connection's properties (not those in its URL) to the server. */
  @org.junit.jupiter.api.Test
  void theStockDriverNamesItsApplicationAtConnect() throws Exception {
    java.util.Properties info = new java.util.Properties();
    info.setProperty("ApplicationName", "Tableau");
    try (Connection connection = DriverManager.getConnection(fixture.avaticaUrl() + ";authentication=BASIC;avatica_user="
        + ServerFixture.ALICE + ";avatica_password=" + ServerFixture.ALICE_PASSWORD, info)) {
      assertTrue(fixture.applicationNames().contains("Tableau"), fixture.applicationNames()::toString);
      assertEquals(1L, RemoteJdbcTest.scalar(connection, "SELECT 1"));
    }
  }

  /** Every DatabaseMetaData method, called alike on the embedded and the thin driver, answers alike. */
  @org.junit.jupiter.api.Test
  void databaseMetaDataIsTheSameEmbeddedAndThin() throws Exception {
    try (Connection embedded = fixture.embedded(); Connection thin = fixture.connect("thin")) {
      DatabaseMetaData expected = embedded.getMetaData();
      DatabaseMetaData actual = thin.getMetaData();
      int compared = 0;
      List<String> differences = new ArrayList<>();
      for (Method method : DatabaseMetaData.class.getMethods()) {
        if (Modifier.isStatic(method.getModifiers()) || METADATA_DIFFERENT_BY_NATURE.contains(method.getName())) {
          continue;
        }
        Object[] args = metadataArguments(method);
        String left = metadataAnswer(method, expected, args);
        String right = metadataAnswer(method, actual, args);
        compared++;
        if (!left.equals(right)) {
          differences.add(method.getName() + Arrays.toString(args) + ": embedded " + left + ", thin " + right);
        }
      }
      assertEquals(List.of(), differences);
      assertTrue(compared > 150, "compared " + compared);
    }
  }

  /**
   * The key and index methods over tables with a primary key, UNIQUE constraints, foreign keys
   * (one of two columns, one to a UNIQUE column) and indexes answer alike embedded and thin, with
   * names and with nulls for any; the stock Avatica driver's client answers them with no rows
   * without asking the server.
   */
  @org.junit.jupiter.api.Test
  void keyAndIndexMetadataIsTheSameEmbeddedAndThin() throws Exception {
    String schema = "memory.conformance_keys";
    try (Connection embedded = fixture.embedded(); Statement statement = embedded.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute("CREATE TABLE " + schema + ".parent (a INTEGER, b VARCHAR, c INTEGER UNIQUE, "
          + "CONSTRAINT parent_key PRIMARY KEY (b, a))");
      statement.execute("CREATE TABLE " + schema + ".child (id INTEGER PRIMARY KEY, pa INTEGER, pb VARCHAR, "
          + "pc INTEGER REFERENCES " + schema + ".parent (c) ON DELETE CASCADE, "
          + "CONSTRAINT to_parent FOREIGN KEY (pb, pa) REFERENCES " + schema + ".parent (b, a) ON UPDATE SET NULL)");
      statement.execute("CREATE TABLE " + schema + ".plain (x INTEGER, y VARCHAR)");
      statement.execute("CREATE INDEX plain_x ON " + schema + ".plain (x)");
      statement.execute("CREATE UNIQUE INDEX plain_yx ON " + schema + ".plain (y, x)");
    }
    try (Connection embedded = fixture.embedded(); Connection thin = fixture.connect("thin");
         Connection avatica = fixture.connect("avatica")) {
      DatabaseMetaData expected = embedded.getMetaData();
      DatabaseMetaData actual = thin.getMetaData();
      List<Object[]> calls = new ArrayList<>();
      for (String table : new String[] {"parent", "child", "plain", "nowhere", null}) {
        calls.add(new Object[] {"getPrimaryKeys", "memory", "conformance_keys", table});
        calls.add(new Object[] {"getImportedKeys", "memory", "conformance_keys", table});
        calls.add(new Object[] {"getExportedKeys", "memory", "conformance_keys", table});
        calls.add(new Object[] {"getIndexInfo", "memory", "conformance_keys", table, false, true});
        calls.add(new Object[] {"getIndexInfo", null, "conformance_keys", table, true, false});
      }
      calls.add(new Object[] {"getPrimaryKeys", null, null, "child"});
      calls.add(new Object[] {"getCrossReference", "memory", "conformance_keys", "parent", "memory",
          "conformance_keys", "child"});
      calls.add(new Object[] {"getCrossReference", null, null, "parent", null, null, null});
      calls.add(new Object[] {"getCrossReference", "memory", "conformance_keys", "child", "memory",
          "conformance_keys", "parent"});
      List<String> differences = new ArrayList<>();
      int rows = 0;
      for (Object[] call : calls) {
        Method method = keyMethod((String) call[0]);
        Object[] args = Arrays.copyOfRange(call, 1, call.length);
        String left = metadataAnswer(method, expected, args);
        String right = metadataAnswer(method, actual, args);
        rows += left.split("\n").length - 1;
        if (!left.equals(right)) {
          differences.add(call[0] + Arrays.toString(args) + ": embedded " + left + ", thin " + right);
        }
      }
      assertEquals(List.of(), differences);
      assertTrue(rows > 40, "only " + rows + " rows compared");
      assertFalse(avatica.getMetaData().getPrimaryKeys("memory", "conformance_keys", "parent").next());
    } finally {
      try (Connection embedded = fixture.embedded(); Statement statement = embedded.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static Method keyMethod(String name) {
    for (Method method : DatabaseMetaData.class.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** A key metadata call the server refuses (the connection is closed) fails as closed, not with no rows. */
  @org.junit.jupiter.api.Test
  void keyMetadataOfAClosedThinConnectionFails() throws Exception {
    Connection thin = fixture.connect("thin");
    DatabaseMetaData metaData = thin.getMetaData();
    thin.close();
    assertThrows(SQLException.class, () -> metaData.getPrimaryKeys("memory", null, null));
  }

  /** What names the driver or its connection rather than the database. */
  private static final Set<String> METADATA_DIFFERENT_BY_NATURE = Set.of("getConnection", "getURL", "getUserName",
      "getDriverName", "unwrap", "isWrapperFor");

  /** Arguments for a metadata method: the tpch.tiny.nation table, JDBC's first constants, no filters. */
  private static Object[] metadataArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    String[] names = {"tpch", "tiny", "nation", "%"};
    int text = 0;
    for (int i = 0; i < types.length; i++) {
      if (types[i] == String.class) {
        args[i] = text < names.length ? names[text++] : "%";
      } else if (types[i] == int.class) {
        args[i] = method.getName().equals("supportsConvert") ? (i == 0 ? Types.INTEGER : Types.VARCHAR)
            : method.getName().startsWith("supportsResultSet") || method.getName().endsWith("AreVisible")
            || method.getName().endsWith("AreDetected") ? ResultSet.TYPE_FORWARD_ONLY + i
            : method.getName().equals("supportsTransactionIsolationLevel") ? Connection.TRANSACTION_NONE : 0;
      } else if (types[i] == boolean.class) {
        args[i] = false;
      } else {
        args[i] = null;
      }
    }
    return args;
  }

  /** The answer as text: a result set's columns and rows, a value, or the exception's class, state and message. */
  private static String metadataAnswer(Method method, DatabaseMetaData metaData, Object[] args) {
    try {
      Object value = method.invoke(metaData, args);
      if (value instanceof ResultSet rs) {
        try (rs) {
          StringBuilder out = new StringBuilder();
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            out.append(md.getColumnLabel(i)).append(':').append(md.getColumnType(i)).append(',');
          }
          int rows = 0;
          while (rs.next() && rows++ < 200) {
            out.append('\n');
            for (int i = 1; i <= md.getColumnCount(); i++) {
              out.append(rs.getString(i)).append('|');
            }
          }
          return out.toString();
        }
      }
      return String.valueOf(value);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      return cause.getClass().getSimpleName() + (cause instanceof SQLException sql ? "(" + sql.getSQLState() + ")" : "")
          + ": " + cause.getMessage();
    } catch (ReflectiveOperationException | SQLException e) {
      return e.toString();
    }
  }

  /**
   * The embedded and the thin driver give the same exception: class by SQLState, SQLState, vendor
   * code, message. The stock driver gives the SQLState and vendor code; its message carries the
   * server's (at execution) and its "server stack traces" hold the message and no stack frames.
   *
   * @param code the vendor code; negative for "whatever the embedded driver gives"
   */
  private static void assertServerError(String kind, SQLException e, String state, int code, String message) {
    assertEquals(state, e.getSQLState(), e::toString);
    if (code >= 0) {
      assertEquals(code, e.getErrorCode(), e::toString);
    }
    if (kind.equals("avatica")) {
      AvaticaSqlException avatica = assertInstanceOf(AvaticaSqlException.class, e);
      String traces = String.join("\n", avatica.getStackTraces());
      assertTrue(traces.contains(message), traces);
      assertFalse(traces.contains("\tat "), traces);
      return;
    }
    assertEquals(message, e.getMessage());
    if (state.startsWith("42")) {
      assertInstanceOf(SQLSyntaxErrorException.class, e);
    }
    assertFalse(e.getClass().getName().contains("Avatica"), e.getClass().getName());
  }

  @FunctionalInterface
  private interface Failing {
    void run() throws Exception;
  }

  private static SQLException embeddedError(Failing failing) {
    return assertThrows(SQLException.class, failing::run);
  }
}
