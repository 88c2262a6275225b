package io.quiver.jdbc.meta;

import java.util.regex.Pattern;

/**
 * A JDBC metadata search pattern: {@code %} any run of characters, {@code _} one character,
 * {@code \} escapes the next one. Matching is case-sensitive, as the names are stored (unquoted
 * names are lower case), except for a pattern without lower-case letters, which matches in any
 * case: tools that follow the stock Avatica driver's flags (which say identifiers are stored in
 * upper case) upper-case the names they look up, and Quiver matches unquoted names in any case.
 * A null pattern matches everything.
 */
final class LikePattern {

  private static final LikePattern ANY = new LikePattern(null);

  private final Pattern regex;

  private LikePattern(Pattern regex) {
    this.regex = regex;
  }

  static LikePattern of(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      return ANY;
    }
    StringBuilder regex = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    boolean upperCase = pattern.chars().noneMatch(Character::isLowerCase);
    int flags = Pattern.DOTALL | (upperCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return new LikePattern(Pattern.compile(regex.toString(), flags));
  }

  boolean matches(String name) {
    return regex == null || (name != null && regex.matcher(name).matches());
  }
}
