package io.quiver.planner.function;

import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The validator's functions, read from the function registry. Calcite's standard operators stay
 * (their parsing and typing is reused: SUBSTRING ... FROM ... FOR, EXTRACT, CAST, TRIM ...), as do the
 * Calcite library operators whose syntax the parser binds (ILIKE, RLIKE, TRY_CAST); every other
 * registry name and alias becomes a {@link RegistrySqlFunction}. A few standard functions whose
 * Calcite typing differs from Quiver's are hidden so that the registry's version is the one found.
 */
public final class RegistryOperatorTable implements SqlOperatorTable {

  /**
   * Standard functions the registry redefines: Calcite's OCTET_LENGTH takes only binary strings, its
   * DAYOFWEEK is EXTRACT(DOW), which Quiver counts from 0 as PostgreSQL does.
   */
  private static final Set<String> REDEFINED = Set.of("OCTET_LENGTH", "DAYOFWEEK");

  /** Calcite library operators that the parser creates by syntax. */
  private static final SqlOperatorTable PARSED_LIBRARY_OPERATORS = SqlOperatorTables.of(
      SqlLibraryOperators.ILIKE, SqlLibraryOperators.NOT_ILIKE, SqlLibraryOperators.RLIKE, SqlLibraryOperators.NOT_RLIKE,
      SqlLibraryOperators.TRY_CAST, SqlLibraryOperators.TRANSLATE3);

  /** The standard table and the registry's functions, for the validator. */
  public static final SqlOperatorTable INSTANCE = new RegistryOperatorTable(FunctionRegistry.builtIn());

  private final Map<String, List<SqlOperator>> functions = new HashMap<>();
  private final List<SqlOperator> all = new ArrayList<>();
  private final SqlOperatorTable standard = SqlStdOperatorTable.instance();

  RegistryOperatorTable(FunctionRegistry registry) {
    for (FunctionDefinition definition : registry.definitions()) {
      if (definition.category() == FunctionCategory.OPERATOR) {
        continue;
      }
      for (String name : definition.names()) {
        if (!REDEFINED.contains(name) && isStandard(name)) {
          continue;
        }
        RegistrySqlFunction function = new RegistrySqlFunction(name, definition);
        functions.put(name, List.of(function));
        all.add(function);
      }
    }
    all.addAll(PARSED_LIBRARY_OPERATORS.getOperatorList());
  }

  private boolean isStandard(String name) {
    List<SqlOperator> found = new ArrayList<>();
    standard.lookupOperatorOverloads(new SqlIdentifier(name, org.apache.calcite.sql.parser.SqlParserPos.ZERO), null,
        SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
    return !found.isEmpty();
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    if (opName.isSimple() && syntax == SqlSyntax.BINARY) {
      // + and - with PostgreSQL's date arithmetic (date + n, date - date) in place of Calcite's.
      if (opName.getSimple().equals("+")) {
        operatorList.add(io.quiver.sql.analyze.DateArithmetic.PLUS);
        return;
      }
      if (opName.getSimple().equals("-")) {
        operatorList.add(io.quiver.sql.analyze.DateArithmetic.MINUS);
        return;
      }
    }
    if (opName.isSimple()) {
      String name = opName.getSimple().toUpperCase(Locale.ROOT);
      if (syntax == SqlSyntax.FUNCTION) {
        List<SqlOperator> registered = functions.get(name);
        if (registered != null) {
          operatorList.addAll(registered);
          return;
        }
      }
    }
    int before = operatorList.size();
    standard.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    PARSED_LIBRARY_OPERATORS.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    for (int i = operatorList.size() - 1; i >= before; i--) {
      if (REDEFINED.contains(operatorList.get(i).getName().toUpperCase(Locale.ROOT))) {
        operatorList.remove(i);
      }
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> operators = new ArrayList<>(standard.getOperatorList());
    operators.addAll(all);
    return operators;
  }
}
