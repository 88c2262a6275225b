package io.quiver.sql.statement;

import java.util.List;

/**
 * {@code SET option {= | TO} value [, ...]} (also {@code SET SCHEMA value}, {@code SET TIME ZONE
 * value}, {@code ALTER SESSION SET ...}), or {@code RESET option}, {@code RESET ALL} and
 * {@code SET option = DEFAULT}: an option back to its default.
 *
 * @param option the option's name, in lower case ({@code all} for RESET ALL)
 * @param values the values as text: a string literal's characters, a number as written, {@code true}
 *     or {@code false}, a name with its parts joined by dots (parts quoted where they must be:
 *     {@code memory."My Schema"}); empty to reset the option
 * @param line where the statement stands, for errors
 * @param column where the statement stands, for errors
 */
public record SetStatement(String option, List<String> values, int line, int column) implements Statement {

  public SetStatement {
    values = List.copyOf(values);
  }

  /** RESET: back to the default (or, for {@code all}, every option). */
  public boolean isReset() {
    return values.isEmpty();
  }
}
