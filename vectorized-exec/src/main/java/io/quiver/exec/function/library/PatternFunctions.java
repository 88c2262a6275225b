package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.INTEGER;
import static io.quiver.exec.function.ArgumentType.TEXT;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.ReturnType;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Pattern matching: ILIKE, SIMILAR TO and the regular-expression functions (java.util.regex
 * syntax, which agrees with PostgreSQL's for everyday patterns). A constant pattern is compiled
 * once per call site; a pattern that varies per row is compiled when it changes.
 */
public final class PatternFunctions implements FunctionFamily {

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        FunctionDefinition.scalar("ILIKE", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
            .description("s ILIKE pattern [ESCAPE c]: LIKE ignoring case")
            .example("'Quiver' ILIKE 'qu%'", "true")
            .kernel(binding -> Patterns.like(binding, true, false)).build(),
        FunctionDefinition.scalar("NOT_ILIKE", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
            .description("s NOT ILIKE pattern [ESCAPE c]")
            .example("'Quiver' NOT ILIKE 'qu%'", "false")
            .kernel(binding -> Patterns.like(binding, true, true)).build(),
        FunctionDefinition.scalar("SIMILAR_TO", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
            .description("s SIMILAR TO pattern [ESCAPE c]: the SQL regular expression (% _ | * + ? {m,n} ( ) [ ]) matches all of s")
            .example("'abc' SIMILAR TO '(a|x)%'", "true")
            .kernel(binding -> Patterns.similar(binding, false)).build(),
        FunctionDefinition.scalar("NOT_SIMILAR_TO", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
            .description("s NOT SIMILAR TO pattern [ESCAPE c]")
            .example("'abc' NOT SIMILAR TO 'b%'", "true")
            .kernel(binding -> Patterns.similar(binding, true)).build(),
        FunctionDefinition.scalar("REGEXP_LIKE", FunctionCategory.STRING)
            .aliases("REGEXP_MATCHES", "RLIKE")
            .signature(FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT, TEXT).optionalFrom(2))
            .description("whether the regular expression matches somewhere in s; flags: i (ignore case), c, n, s, x")
            .example("REGEXP_LIKE('Quiver', 'v[a-z]r$')", "true")
            .kernel(binding -> {
              Patterns.Compiled pattern = new Patterns.Compiled(binding, 1, 2);
              return (arguments, row, result) -> result.setBoolean(row,
                  pattern.get(arguments, row).matcher(arguments.getString(0, row)).find());
            }).build(),
        FunctionDefinition.scalar("REGEXP_REPLACE", FunctionCategory.STRING)
            .signature(FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT, TEXT, TEXT).optionalFrom(3))
            .description("the first match (every match with flag g) replaced; \\1 to \\9 in the replacement are the groups")
            .example("REGEXP_REPLACE('a1b22c', '[0-9]+', '#', 'g')", "a#b#c")
            .kernel(binding -> {
              Patterns.Compiled pattern = new Patterns.Compiled(binding, 1, 3);
              return (arguments, row, result) -> {
                String replacement = Patterns.replacement(arguments.getString(2, row));
                Matcher matcher = pattern.get(arguments, row).matcher(arguments.getString(0, row));
                boolean global = arguments.count() > 3 && arguments.getString(3, row).indexOf('g') >= 0;
                result.setString(row, global ? matcher.replaceAll(replacement) : matcher.replaceFirst(replacement));
              };
            }).build(),
        FunctionDefinition.scalar("REGEXP_EXTRACT", FunctionCategory.STRING)
            .signature(FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT, INTEGER).optionalFrom(2))
            .description("the first match (or its group n), the empty string when nothing matches (DuckDB)")
            .example("REGEXP_EXTRACT('order 66 shipped', '[0-9]+')", "66")
            .kernel(binding -> {
              Patterns.Compiled pattern = new Patterns.Compiled(binding, 1, -1);
              return (arguments, row, result) -> {
                Matcher matcher = pattern.get(arguments, row).matcher(arguments.getString(0, row));
                long group = arguments.count() > 2 ? arguments.getLong(2, row) : 0;
                if (group < 0 || group > matcher.groupCount()) {
                  throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "REGEXP_EXTRACT: the pattern has no group " + group);
                }
                String found = matcher.find() ? matcher.group((int) group) : "";
                result.setString(row, found == null ? "" : found);
              };
            }).build(),
        FunctionDefinition.scalar("REGEXP_COUNT", FunctionCategory.STRING)
            .signature(FunctionSignature.of(ReturnType.INTEGER, TEXT, TEXT))
            .description("how many times the regular expression matches, matches not overlapping")
            .example("REGEXP_COUNT('banana', 'an')", "2")
            .kernel(binding -> {
              Patterns.Compiled pattern = new Patterns.Compiled(binding, 1, -1);
              return (arguments, row, result) -> {
                Matcher matcher = pattern.get(arguments, row).matcher(arguments.getString(0, row));
                long count = 0;
                while (matcher.find()) {
                  count++;
                }
                result.setLong(row, count);
              };
            }).build());
  }
}
