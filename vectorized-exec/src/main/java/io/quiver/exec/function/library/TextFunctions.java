package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.ANY_AS_TEXT;
import static io.quiver.exec.function.ArgumentType.INTEGER;
import static io.quiver.exec.function.ArgumentType.TEXT;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.NullHandling;
import io.quiver.exec.function.ReturnType;
import java.util.List;

/**
 * Text functions. Positions and lengths count characters (code points); PostgreSQL's behaviour,
 * with DuckDB's and Spark's names as aliases. The first ones (SUBSTRING ... RPAD) are built into the
 * expression compiler, which works on the UTF-8 bytes directly.
 */
public final class TextFunctions implements FunctionFamily {

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        builtIn("SUBSTRING", "characters from start (1-based), length characters or to the end; a start before 1 shortens the length",
            "SUBSTRING('Quiver', 2, 3)", "uiv", FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER, INTEGER).optionalFrom(2), "SUBSTR"),
        builtIn("UPPER", "upper case", "UPPER('Straße')", "STRASSE", FunctionSignature.of(ReturnType.TEXT, TEXT), "UCASE"),
        builtIn("LOWER", "lower case", "LOWER('ABC')", "abc", FunctionSignature.of(ReturnType.TEXT, TEXT), "LCASE"),
        builtIn("TRIM", "the characters (default a space) removed from both ends; TRIM([BOTH|LEADING|TRAILING] [chars] FROM s) in SQL syntax",
            "BTRIM('xxabcxx', 'x')", "abc", FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT).optionalFrom(1), "BTRIM"),
        builtIn("LTRIM", "the characters (default a space) removed from the start", "LTRIM('  a ')", "a ",
            FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT).optionalFrom(1)),
        builtIn("RTRIM", "the characters (default a space) removed from the end", "RTRIM('xaxx', 'x')", "xa",
            FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT).optionalFrom(1)),
        builtIn("CHAR_LENGTH", "the number of characters", "CHAR_LENGTH('héllo')", "5",
            FunctionSignature.of(ReturnType.INTEGER, TEXT), "CHARACTER_LENGTH", "LENGTH", "LEN"),
        builtIn("REPLACE", "every occurrence of from replaced by to; an empty from changes nothing",
            "REPLACE('banana', 'an', 'AN')", "bANANa", FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT, TEXT)),
        builtIn("POSITION", "POSITION(sub IN s): 1-based position of sub in s, 0 when absent",
            "POSITION('an' IN 'banana')", "2", FunctionSignature.of(ReturnType.INTEGER, TEXT, TEXT, INTEGER).optionalFrom(2),
            "LOCATE"),
        builtIn("LPAD", "filled on the left with fill (default a space) to length characters, or cut to length",
            "LPAD('7', 3, '0')", "007", FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER, TEXT).optionalFrom(2)),
        builtIn("RPAD", "filled on the right with fill (default a space) to length characters, or cut to length",
            "RPAD('ab', 4, '.')", "ab..", FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER, TEXT).optionalFrom(2)),
        FunctionDefinition.scalar("STRING_CONCAT", FunctionCategory.OPERATOR)
            .signature(FunctionSignature.of(ReturnType.TEXT, TEXT).repeating(1))
            .description("a || b: concatenation; NULL when either is NULL; numbers, dates and booleans are written as text")
            .example("'Quiver' || ' ' || 'SQL'", "Quiver SQL")
            .builtIn().build(),
        kernel("CONCAT", "the arguments written as text one after another; NULL arguments are skipped",
            "CONCAT('a', NULL, 1, true)", "a1true", FunctionSignature.of(ReturnType.TEXT, ANY_AS_TEXT).repeating(1))
            .nulls(NullHandling.NEVER_NULL)
            .kernel((arguments, row, result) -> {
              StringBuilder text = new StringBuilder();
              for (int a = 0; a < arguments.count(); a++) {
                if (!arguments.isNull(a, row)) {
                  text.append(arguments.getString(a, row));
                }
              }
              result.setString(row, text.toString());
            }).build(),
        kernel("CONCAT_WS", "the arguments after the first written as text with the first between them; NULL arguments are skipped, a NULL separator gives NULL",
            "CONCAT_WS('-', 2024, NULL, 'x')", "2024-x", FunctionSignature.of(ReturnType.TEXT, TEXT, ANY_AS_TEXT).repeating(2))
            .nulls(NullHandling.CUSTOM)
            .kernel((arguments, row, result) -> {
              if (arguments.isNull(0, row)) {
                result.setNull(row);
                return;
              }
              String separator = arguments.getString(0, row);
              StringBuilder text = new StringBuilder();
              boolean first = true;
              for (int a = 1; a < arguments.count(); a++) {
                if (!arguments.isNull(a, row)) {
                  if (!first) {
                    text.append(separator);
                  }
                  text.append(arguments.getString(a, row));
                  first = false;
                }
              }
              result.setString(row, text.toString());
            }).build(),
        kernel("LEFT", "the first n characters; a negative n: all but the last -n", "LEFT('Quiver', 3)", "Qui",
            FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER))
            .kernel((arguments, row, result) -> {
              String text = arguments.getString(0, row);
              result.setString(row, Strings.left(text, arguments.getLong(1, row)));
            }).build(),
        kernel("RIGHT", "the last n characters; a negative n: all but the first -n", "RIGHT('Quiver', 3)", "ver",
            FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER))
            .kernel((arguments, row, result) -> {
              String text = arguments.getString(0, row);
              result.setString(row, Strings.right(text, arguments.getLong(1, row)));
            }).build(),
        kernel("STRPOS", "1-based position of sub in s, 0 when absent (POSITION with the arguments the other way round)",
            "STRPOS('banana', 'na')", "3", FunctionSignature.of(ReturnType.INTEGER, TEXT, TEXT), "INSTR")
            .kernel((arguments, row, result) -> {
              String text = arguments.getString(0, row);
              int index = text.indexOf(arguments.getString(1, row));
              result.setLong(row, index < 0 ? 0 : text.codePointCount(0, index) + 1);
            }).build(),
        kernel("REVERSE", "the characters in reverse order", "REVERSE('abc')", "cba", FunctionSignature.of(ReturnType.TEXT, TEXT))
            .kernel((arguments, row, result) ->
                result.setString(row, new StringBuilder(arguments.getString(0, row)).reverse().toString())).build(),
        kernel("REPEAT", "s repeated n times; n of 0 or less gives the empty string", "REPEAT('ab', 3)", "ababab",
            FunctionSignature.of(ReturnType.TEXT, TEXT, INTEGER))
            .kernel((arguments, row, result) -> {
              String text = arguments.getString(0, row);
              long times = arguments.getLong(1, row);
              if (times <= 0 || text.isEmpty()) {
                result.setString(row, "");
                return;
              }
              if (times * text.length() > Strings.MAX_LENGTH) {
                throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "REPEAT: the result would be longer than "
                    + Strings.MAX_LENGTH + " characters");
              }
              result.setString(row, text.repeat((int) times));
            }).build(),
        kernel("SPLIT_PART", "field n (1-based; negative counts from the end) of s split at delimiter; '' past the last field",
            "SPLIT_PART('a,b,c', ',', 2)", "b", FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT, INTEGER))
            .kernel((arguments, row, result) -> result.setString(row,
                Strings.splitPart(arguments.getString(0, row), arguments.getString(1, row), arguments.getLong(2, row))))
            .build(),
        kernel("INITCAP", "the first letter of each word upper case, the others lower case (words: runs of letters and digits)",
            "INITCAP('hello wORLD')", "Hello World", FunctionSignature.of(ReturnType.TEXT, TEXT))
            .kernel((arguments, row, result) -> result.setString(row, Strings.initcap(arguments.getString(0, row)))).build(),
        kernel("ASCII", "the code point of the first character; 0 for the empty string", "ASCII('A')", "65",
            FunctionSignature.of(ReturnType.INTEGER, TEXT))
            .kernel((arguments, row, result) -> {
              String text = arguments.getString(0, row);
              result.setLong(row, text.isEmpty() ? 0 : text.codePointAt(0));
            }).build(),
        kernel("CHR", "the character of a code point", "CHR(65)", "A", FunctionSignature.of(ReturnType.TEXT, INTEGER))
            .kernel((arguments, row, result) -> {
              long code = arguments.getLong(0, row);
              if (code <= 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
                throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "CHR: " + code + " is not a valid character code");
              }
              result.setString(row, new String(Character.toChars((int) code)));
            }).build(),
        kernel("TRANSLATE", "each character of s found in from replaced by the character at the same place in to (removed when to is shorter)",
            "TRANSLATE('12345', '143', 'ax')", "a2x5", FunctionSignature.of(ReturnType.TEXT, TEXT, TEXT, TEXT))
            .kernel((arguments, row, result) -> result.setString(row,
                Strings.translate(arguments.getString(0, row), arguments.getString(1, row), arguments.getString(2, row))))
            .build(),
        kernel("STARTS_WITH", "whether s begins with prefix", "STARTS_WITH('Quiver', 'Qu')", "true",
            FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT), "STARTSWITH", "PREFIX")
            .kernel((arguments, row, result) ->
                result.setBoolean(row, arguments.getString(0, row).startsWith(arguments.getString(1, row)))).build(),
        kernel("ENDS_WITH", "whether s ends with suffix", "ENDS_WITH('Quiver', 'er')", "true",
            FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT), "ENDSWITH", "SUFFIX")
            .kernel((arguments, row, result) ->
                result.setBoolean(row, arguments.getString(0, row).endsWith(arguments.getString(1, row)))).build(),
        kernel("CONTAINS", "whether s contains sub", "CONTAINS('Quiver', 'iv')", "true",
            FunctionSignature.of(ReturnType.BOOLEAN, TEXT, TEXT))
            .kernel((arguments, row, result) ->
                result.setBoolean(row, arguments.getString(0, row).contains(arguments.getString(1, row)))).build(),
        kernel("OCTET_LENGTH", "the number of bytes of the UTF-8 text", "OCTET_LENGTH('é')", "2",
            FunctionSignature.of(ReturnType.INTEGER, TEXT))
            .kernel((arguments, row, result) ->
                result.setLong(row, Strings.utf8Length(arguments.getString(0, row)))).build(),
        kernel("MD5", "the MD5 digest of the UTF-8 text, as 32 lower-case hex digits", "MD5('abc')",
            "900150983cd24fb0d6963f7d28e17f72", FunctionSignature.of(ReturnType.TEXT, TEXT))
            .kernel(binding -> Strings.digest("MD5")).build(),
        kernel("SHA256", "the SHA-256 digest of the UTF-8 text, as 64 lower-case hex digits", "SHA256('abc')",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FunctionSignature.of(ReturnType.TEXT, TEXT))
            .kernel(binding -> Strings.digest("SHA-256")).build());
  }

  private static FunctionDefinition builtIn(String name, String description, String sql, String result,
      FunctionSignature signature, String... aliases) {
    return FunctionDefinition.scalar(name, FunctionCategory.STRING)
        .aliases(aliases).signature(signature).description(description).example(sql, result).builtIn().build();
  }

  private static FunctionDefinition.Builder kernel(String name, String description, String sql, String result,
      FunctionSignature signature, String... aliases) {
    return FunctionDefinition.scalar(name, FunctionCategory.STRING)
        .aliases(aliases).signature(signature).description(description).example(sql, result);
  }
}
