package io.quiver.engine.connector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code memory/memory_tables.slt}: a small sqllogictest-style script (statement ok,
 * statement count N, statement error SQLSTATE s [regex], query TYPES then ---- and rows) through a
 * session of a real engine. Values: NULL, (empty), decimals in plain notation, others as text.
 */
class MemoryTableSltTest {

  private record Record(int line, String kind, String argument, String sql, List<String> expected) {
  }

  @Test
  void memoryTablesScript() throws IOException {
    List<Record> records = parse(read("/memory/memory_tables.slt"));
    assertTrue(records.size() > 10);
    try (LocalQuiver quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(2));
        Session session = quiver.openSession()) {
      for (Record record : records) {
        run(session, record);
      }
      assertEquals(0, quiver.memoryConnector().allocatedBytes(), "the script drops what it creates");
    }
  }

  private static void run(Session session, Record record) {
    String where = "line " + record.line() + ": " + record.sql();
    switch (record.kind()) {
      case "statement" -> {
        if (record.argument().startsWith("error")) {
          QuiverException error = assertThrows(QuiverException.class, () -> drain(session, record.sql()), where);
          String[] words = record.argument().split("\\s+", 4);
          assertEquals(words[2], error.sqlState(), where + ": " + error.getMessage());
          if (words.length > 3) {
            assertTrue(Pattern.compile(words[3]).matcher(error.getMessage()).find(), where + ": " + error.getMessage());
          }
        } else if (record.argument().startsWith("count")) {
          try (QueryResult result = session.execute(record.sql())) {
            assertFalse(result.isRowResult(), where);
            assertEquals(Long.parseLong(record.argument().substring("count".length()).trim()), result.updateCount(),
                where);
          }
        } else {
          drain(session, record.sql());
        }
      }
      case "query" -> assertEquals(record.expected(), drain(session, record.sql()), where);
      default -> throw new AssertionError("unknown record at line " + record.line());
    }
  }

  private static List<String> drain(Session session, String sql) {
    List<String> rows = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        for (int row = 0; row < result.root().getRowCount(); row++) {
          List<String> values = new ArrayList<>();
          for (FieldVector vector : result.root().getFieldVectors()) {
            String value = SqlRows.render(vector, row);
            values.add(value.isEmpty() ? "(empty)" : value);
          }
          rows.add(String.join(" ", values));
        }
      }
    }
    return rows;
  }

  private static List<Record> parse(List<String> lines) {
    List<Record> records = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String header = lines.get(i).trim();
      if (header.isEmpty() || header.startsWith("#")) {
        i++;
        continue;
      }
      int line = i + 1;
      String[] parts = header.split("\\s+", 2);
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
        i++;
      }
      List<String> expected = new ArrayList<>();
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          expected.add(lines.get(i));
          i++;
        }
      }
      records.add(new Record(line, parts[0], parts.length > 1 ? parts[1] : "", sql.toString(), expected));
    }
    return records;
  }

  private static List<String> read(String resource) throws IOException {
    try (InputStream in = MemoryTableSltTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    }
  }
}
