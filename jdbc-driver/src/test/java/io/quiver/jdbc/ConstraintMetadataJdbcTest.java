package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Declared constraints through DatabaseMetaData: getPrimaryKeys, getImportedKeys, getExportedKeys,
 * getCrossReference (foreign keys, reported though not enforced), getIndexInfo (PRIMARY KEY and UNIQUE as unique
 * indexes, and CREATE INDEX's indexes), and getColumns' COLUMN_DEF-free rows for a table without constraints.
 */
class ConstraintMetadataJdbcTest {

  private static final String SCHEMA = "jdbc_keys";

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA memory." + SCHEMA);
      statement.execute("CREATE TABLE memory." + SCHEMA + ".parent (a INTEGER, b VARCHAR, c INTEGER UNIQUE, "
          + "CONSTRAINT parent_key PRIMARY KEY (b, a))");
      statement.execute("CREATE TABLE memory." + SCHEMA + ".child (id INTEGER PRIMARY KEY, pa INTEGER, pb VARCHAR, "
          + "pc INTEGER REFERENCES memory." + SCHEMA + ".parent (c) ON DELETE CASCADE, "
          + "CONSTRAINT to_parent FOREIGN KEY (pb, pa) REFERENCES memory." + SCHEMA + ".parent (b, a), "
          + "CHECK (id > 0))");
      statement.execute("CREATE TABLE memory." + SCHEMA + ".plain (x INTEGER)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS memory." + SCHEMA + " CASCADE");
    }
    connection.close();
  }

  @Test
  void primaryKeys() throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    assertEquals(List.of("memory|jdbc_keys|parent|a|2|parent_key", "memory|jdbc_keys|parent|b|1|parent_key"),
        rows(metadata.getPrimaryKeys("memory", SCHEMA, "parent"), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("child|id|1|child_pkey"), rows(metadata.getPrimaryKeys(null, SCHEMA, "child"),
        "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertFalse(metadata.getPrimaryKeys("memory", SCHEMA, "plain").next());
    assertFalse(metadata.getPrimaryKeys("memory", SCHEMA, "nowhere").next());
  }

  @Test
  void generatedCatalogsDeclareTheirPrimaryKeys() throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    assertEquals(List.of("tpch|tiny|nation|n_nationkey|1|nation_pkey"),
        rows(metadata.getPrimaryKeys("tpch", "tiny", "nation"), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("l_linenumber|2|lineitem_pkey", "l_orderkey|1|lineitem_pkey"),
        rows(metadata.getPrimaryKeys("tpch", "tiny", "lineitem"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("ss_item_sk|1|store_sales_pkey", "ss_ticket_number|2|store_sales_pkey"),
        rows(metadata.getPrimaryKeys("tpcds", "tiny", "store_sales"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("d_date_sk|1|date_dim_pkey"),
        rows(metadata.getPrimaryKeys("tpcds", "tiny", "date_dim"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
  }

  @Test
  void importedAndExportedKeys() throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> expected = List.of(
        "parent|c|child|pc|1|3|0|child_pc_fkey|parent_c_key",
        "parent|b|child|pb|1|3|3|to_parent|parent_key",
        "parent|a|child|pa|2|3|3|to_parent|parent_key");
    String[] columns = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
        "DELETE_RULE", "FK_NAME", "PK_NAME"};
    List<String> imported = rows(metadata.getImportedKeys("memory", SCHEMA, "child"), columns);
    List<String> exported = rows(metadata.getExportedKeys("memory", SCHEMA, "parent"), columns);
    assertEquals(sorted(expected), sorted(imported));
    assertEquals(sorted(expected), sorted(exported));
    assertFalse(metadata.getImportedKeys("memory", SCHEMA, "parent").next());
    assertFalse(metadata.getExportedKeys("memory", SCHEMA, "child").next());
    List<String> cross = rows(metadata.getCrossReference("memory", SCHEMA, "parent", "memory", SCHEMA, "child"),
        columns);
    assertEquals(sorted(expected), sorted(cross));
    assertEquals(3, rows(metadata.getCrossReference(null, null, "parent", null, null, null), columns).size());
    assertFalse(metadata.getCrossReference("memory", SCHEMA, "child", "memory", SCHEMA, "parent").next());
    assertFalse(metadata.getCrossReference("memory", SCHEMA, "parent", "memory", SCHEMA, "plain").next());
  }

  @Test
  void keysAsUniqueIndexes() throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    assertEquals(List.of("parent_c_key|false|1|c", "parent_key|false|1|b", "parent_key|false|2|a"),
        rows(metadata.getIndexInfo("memory", SCHEMA, "parent", false, true), "INDEX_NAME", "NON_UNIQUE",
            "ORDINAL_POSITION", "COLUMN_NAME"));
    assertFalse(metadata.getIndexInfo("memory", SCHEMA, "plain", true, true).next());
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX plain_x ON memory." + SCHEMA + ".plain (x)");
      statement.execute("CREATE UNIQUE INDEX plain_ux ON memory." + SCHEMA + ".plain (x)");
    }
    assertEquals(List.of("plain_ux|false|1|x", "plain_x|true|1|x"), rows(metadata.getIndexInfo("memory", SCHEMA,
        "plain", false, true), "INDEX_NAME", "NON_UNIQUE", "ORDINAL_POSITION", "COLUMN_NAME"));
    assertEquals(List.of("plain_ux|false|1|x"), rows(metadata.getIndexInfo("memory", SCHEMA, "plain", true, true),
        "INDEX_NAME", "NON_UNIQUE", "ORDINAL_POSITION", "COLUMN_NAME"));
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }

  private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(String.valueOf(rs.getObject(column)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
