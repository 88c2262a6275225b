package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionExample;
import io.quiver.exec.function.FunctionRegistry;
import io.quiver.exec.function.FunctionSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The function registry seen from SQL: every example of the function reference gives its documented
 * result, every name JDBC's function lists advertise runs in plain SQL, and the generated reference
 * ({@code sql-frontend/FUNCTIONS.md}) is current (run with {@code -Dquiver.updateFunctionReference=true}
 * to rewrite it).
 */
class FunctionReferenceTest {

  /**
   * Names the grammar would not read as function calls: none since Quiver's own grammar reads every
   * registry name (kept, so that a grammar change that loses one shows here).
   */
  private static final Set<String> AWAITING_GRAMMAR = Set.of();

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:quiver:");
  }

  @Test
  void everyExampleGivesItsDocumentedResult() throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (FunctionDefinition definition : FunctionRegistry.all()) {
        FunctionExample example = definition.example();
        if (example == null || AWAITING_GRAMMAR.contains(definition.name())) {
          continue;
        }
        String actual = value(statement, example.sql(), failures);
        if (actual != null && !actual.equals(example.result())) {
          failures.add(example.sql() + " gave " + actual + ", documented " + example.result());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void everyAdvertisedNameRunsInPlainSql() throws SQLException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      DatabaseMetaData metaData = connection.getMetaData();
      Set<String> names = new LinkedHashSet<>();
      for (String list : List.of(metaData.getStringFunctions(), metaData.getNumericFunctions(),
          metaData.getTimeDateFunctions(), metaData.getSystemFunctions())) {
        names.addAll(Arrays.asList(list.split(",")));
      }
      assertTrue(names.size() > 100, "only " + names.size() + " functions advertised");
      for (String name : names) {
        FunctionDefinition definition = FunctionRegistry.builtIn().find(name)
            .orElseThrow(() -> new AssertionError(name + " is advertised but not in the registry"));
        String sql = exampleFor(definition, name);
        if (AWAITING_GRAMMAR.contains(name)) {
          try (ResultSet ignored = statement.executeQuery("SELECT " + sql)) {
            failures.add(name + " now parses: remove it from AWAITING_GRAMMAR");
          } catch (SQLException e) {
            assertEquals("42601", e.getSQLState(), name + ": " + e.getMessage());
          }
          continue;
        }
        String actual = value(statement, sql, failures);
        if (actual != null && definition.deterministic() && !actual.equals(definition.example().result())) {
          failures.add(sql + " gave " + actual + ", documented " + definition.example().result());
        }
        checked++;
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    System.out.println("advertised names run in plain SQL: " + checked);
  }

  /** The definition's example, called by {@code name} (an alias takes the definition's place). */
  private static String exampleFor(FunctionDefinition definition, String name) {
    String sql = definition.example().sql();
    String canonical = definition.name();
    if (name.equals(canonical)) {
      return sql;
    }
    // POSITION(a IN b) is SQL syntax; its aliases take plain arguments.
    sql = sql.replace(" IN ", ", ");
    for (String written : definition.names()) {
      if (sql.regionMatches(true, 0, written + "(", 0, written.length() + 1)) {
        canonical = written;
      }
    }
    if (name.equals(canonical)) {
      return sql;
    }
    if (sql.regionMatches(true, 0, canonical + "(", 0, canonical.length() + 1)) {
      return name + sql.substring(canonical.length());
    }
    if (sql.regionMatches(true, 0, canonical, 0, canonical.length())) {
      // A niladic function written without parentheses (CURRENT_DATE): its alias takes them.
      return name + "()" + sql.substring(canonical.length());
    }
    throw new AssertionError("the example of " + canonical + " does not start with its name: " + sql);
  }

  private static String value(Statement statement, String expression, List<String> failures) {
    try (ResultSet resultSet = statement.executeQuery("SELECT " + expression)) {
      resultSet.next();
      int type = resultSet.getMetaData().getColumnType(1);
      boolean floating = type == java.sql.Types.DOUBLE || type == java.sql.Types.REAL || type == java.sql.Types.FLOAT;
      return SltValueRenderer.render(resultSet, 1, floating ? 'R' : '?');
    } catch (SQLException e) {
      failures.add(expression + " failed: [" + e.getSQLState() + "] " + e.getMessage());
      return null;
    }
  }

  @Test
  void theGeneratedReferenceIsCurrent() throws IOException {
    String generated = reference();
    Path file = repositoryRoot().resolve("sql-frontend/FUNCTIONS.md");
    if (Boolean.getBoolean("quiver.updateFunctionReference") || !Files.exists(file)) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8),
        "sql-frontend/FUNCTIONS.md is stale: run this test with -Dquiver.updateFunctionReference=true");
  }

  private static Path repositoryRoot() {
    Path directory = Paths.get("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("sql-frontend"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      fail("cannot find the repository root from " + Paths.get("").toAbsolutePath());
    }
    return directory;
  }

  /** The function reference, generated from the registry. */
  static String reference() {
    StringBuilder text = new StringBuilder();
    text.append("# Function reference\n\n")
        .append("Generated from the function registry (`vectorized-exec` `io.quiver.exec.function`) by\n")
        .append("`FunctionReferenceTest`; do not edit by hand. Every example is run by that test. Semantics:\n")
        .append("`README.md` beside this file. NULL in gives NULL out unless a function says otherwise.\n");
    for (FunctionCategory category : FunctionCategory.values()) {
      List<FunctionDefinition> definitions = FunctionRegistry.all().stream()
          .filter(definition -> definition.category() == category).collect(Collectors.toList());
      if (definitions.isEmpty()) {
        continue;
      }
      text.append("\n## ").append(title(category)).append("\n\n");
      text.append("| function | signatures | description | example | result |\n");
      text.append("| --- | --- | --- | --- | --- |\n");
      for (FunctionDefinition definition : definitions) {
        String names = definition.name() + (definition.aliases().isEmpty() ? ""
            : " (" + String.join(", ", definition.aliases()) + ")");
        String signatures = definition.signatures().stream().map((FunctionSignature signature) ->
            "`" + signature.display(definition.name()) + "`").collect(Collectors.joining("<br>"));
        FunctionExample example = definition.example();
        text.append("| ").append(names).append(" | ").append(escape(signatures)).append(" | ")
            .append(escape(definition.description()))
            .append(definition.deterministic() ? "" : " (not deterministic)").append(" | ")
            .append(example == null ? "" : "`" + escape(example.sql()) + "`").append(" | ")
            .append(example == null ? "" : "`" + escape(example.result()) + "`").append(" |\n");
      }
    }
    return text.toString();
  }

  private static String title(FunctionCategory category) {
    switch (category) {
      case STRING:
        return "Text";
      case NUMERIC:
        return "Numbers";
      case TIME_DATE:
        return "Date and time";
      case CONDITIONAL:
        return "Conditional";
      case SYSTEM:
        return "System";
      default:
        return "Operators and special forms";
    }
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
