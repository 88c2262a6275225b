package io.quiver.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at the semicolons that are outside string literals, quoted
 * identifiers and comments. Empty statements are dropped.
 */
final class StatementSplitter {

  private StatementSplitter() {
  }

  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      int end = i + 1;
      if (c == '\'' || c == '"') {
        end = closing(script, i, c);
      } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int newline = script.indexOf('\n', i);
        end = newline < 0 ? script.length() : newline + 1;
      } else if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        int close = script.indexOf("*/", i + 2);
        end = close < 0 ? script.length() : close + 2;
      } else if (c == ';') {
        add(statements, current);
        current.setLength(0);
        i = end;
        continue;
      }
      current.append(script, i, end);
      i = end;
    }
    add(statements, current);
    return statements;
  }

  private static int closing(String script, int start, char quote) {
    int j = start + 1;
    while (j < script.length()) {
      if (script.charAt(j) == quote) {
        if (j + 1 < script.length() && script.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return script.length();
  }

  private static void add(List<String> statements, StringBuilder text) {
    String statement = text.toString().strip();
    if (!statement.isEmpty() && !onlyComments(statement)) {
      statements.add(statement);
    }
  }

  private static boolean onlyComments(String statement) {
    String rest = statement;
    while (!rest.isEmpty()) {
      if (rest.startsWith("--")) {
        int newline = rest.indexOf('\n');
        rest = newline < 0 ? "" : rest.substring(newline + 1).strip();
      } else if (rest.startsWith("/*")) {
        int close = rest.indexOf("*/");
        rest = close < 0 ? "" : rest.substring(close + 2).strip();
      } else {
        return false;
      }
    }
    return true;
  }
}
