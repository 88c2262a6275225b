package io.quiver.exec.function.library;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.KernelArguments;
import io.quiver.exec.function.KernelBinding;
import io.quiver.exec.function.ScalarKernel;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiling SQL patterns (LIKE, SIMILAR TO, regular expressions) to java.util.regex, once per pattern. */
final class Patterns {

  private Patterns() {
  }

  /**
   * The pattern of a call: compiled at bind time when pattern and flags are constants, else when
   * they change from one row to the next.
   */
  static final class Compiled {

    private final int patternArgument;
    private final int flagsArgument;
    private final Pattern constant;
    private String lastText;
    private String lastFlags;
    private Pattern last;

    Compiled(KernelBinding binding, int patternArgument, int flagsArgument) {
      this.patternArgument = patternArgument;
      this.flagsArgument = flagsArgument < binding.argumentCount() ? flagsArgument : -1;
      Object text = binding.constant(patternArgument);
      boolean constantFlags = this.flagsArgument < 0 || binding.constant(this.flagsArgument) != null;
      this.constant = text != null && constantFlags
          ? regex((String) text, this.flagsArgument < 0 ? "" : (String) binding.constant(this.flagsArgument)) : null;
    }

    Pattern get(KernelArguments arguments, int row) {
      if (constant != null) {
        return constant;
      }
      String text = arguments.getString(patternArgument, row);
      String flags = flagsArgument < 0 ? "" : arguments.getString(flagsArgument, row);
      if (last == null || !text.equals(lastText) || !Objects.equals(flags, lastFlags)) {
        last = regex(text, flags);
        lastText = text;
        lastFlags = flags;
      }
      return last;
    }
  }

  /** A regular expression with PostgreSQL's flags: i ignore case, c case-sensitive, n/s newline, x extended, g global. */
  static Pattern regex(String text, String flags) {
    int bits = 0;
    for (char flag : flags.toCharArray()) {
      switch (flag) {
        case 'i':
          bits |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
          break;
        case 'c':
          bits &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
          break;
        case 'n':
        case 'm':
          bits |= Pattern.MULTILINE;
          break;
        case 's':
          bits |= Pattern.DOTALL;
          break;
        case 'x':
          bits |= Pattern.COMMENTS;
          break;
        case 'g':
          break;
        default:
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "invalid regular expression flag '" + flag + "'");
      }
    }
    try {
      return Pattern.compile(text, bits);
    } catch (PatternSyntaxException e) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "invalid regular expression '" + text + "': "
          + e.getDescription());
    }
  }

  /** PostgreSQL's replacement text (\1 a group, \\ a backslash, & the match) as Java's. */
  static String replacement(String text) {
    StringBuilder result = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        if (Character.isDigit(next)) {
          result.append('$').append(next);
        } else {
          result.append(java.util.regex.Matcher.quoteReplacement(String.valueOf(next)));
        }
      } else if (c == '&') {
        result.append("$0");
      } else if (c == '$') {
        result.append("\\$");
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  /** LIKE / ILIKE as a regular expression over the whole value. */
  static ScalarKernel like(KernelBinding binding, boolean ignoreCase, boolean negated) {
    Object constantPattern = binding.constant(1);
    boolean constantEscape = binding.argumentCount() < 3 || binding.constant(2) != null;
    Pattern constant = constantPattern != null && constantEscape
        ? likeRegex((String) constantPattern, escape(binding.argumentCount() < 3 ? null : (String) binding.constant(2)), ignoreCase)
        : null;
    return (arguments, row, result) -> {
      Pattern pattern = constant;
      if (pattern == null) {
        String escape = arguments.count() > 2 ? arguments.getString(2, row) : null;
        pattern = likeRegex(arguments.getString(1, row), escape(escape), ignoreCase);
      }
      result.setBoolean(row, pattern.matcher(arguments.getString(0, row)).matches() != negated);
    };
  }

  private static int escape(String text) {
    if (text == null) {
      return -1;
    }
    if (text.codePointCount(0, text.length()) != 1) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "the escape must be one character, not '" + text + "'");
    }
    return text.codePointAt(0);
  }

  static Pattern likeRegex(String pattern, int escape, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == escape) {
        if (i >= pattern.length()) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "LIKE pattern '" + pattern + "' ends with its escape character");
        }
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        regex.append(Pattern.quote(new String(Character.toChars(next))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(c))));
      }
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(regex.toString(), flags);
  }

  /** SIMILAR TO: % and _ as in LIKE, the regular-expression operators as they are, everything else literal. */
  static ScalarKernel similar(KernelBinding binding, boolean negated) {
    Object constantPattern = binding.constant(1);
    Pattern constant = constantPattern != null && (binding.argumentCount() < 3 || binding.constant(2) != null)
        ? similarRegex((String) constantPattern, escape(binding.argumentCount() < 3 ? null : (String) binding.constant(2)))
        : null;
    return (arguments, row, result) -> {
      Pattern pattern = constant != null ? constant : similarRegex(arguments.getString(1, row),
          escape(arguments.count() > 2 ? arguments.getString(2, row) : null));
      result.setBoolean(row, pattern.matcher(arguments.getString(0, row)).matches() != negated);
    };
  }

  static Pattern similarRegex(String pattern, int escape) {
    StringBuilder regex = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == escape && i < pattern.length()) {
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        regex.append(Pattern.quote(new String(Character.toChars(next))));
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        regex.appendCodePoint(c == '\\' ? '\\' : c);
        if (c == '\\') {
          regex.append('\\');
        }
        continue;
      }
      switch (c) {
        case '%':
          regex.append(".*");
          break;
        case '_':
          regex.append('.');
          break;
        case '[':
          inClass = true;
          regex.append('[');
          break;
        case '|': case '*': case '+': case '?': case '{': case '}': case '(': case ')':
          regex.appendCodePoint(c);
          break;
        default:
          regex.append(Pattern.quote(new String(Character.toChars(c))));
      }
    }
    try {
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "invalid SIMILAR TO pattern '" + pattern + "': " + e.getDescription());
    }
  }
}
