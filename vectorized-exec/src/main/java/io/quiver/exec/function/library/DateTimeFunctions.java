package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.DATE;
import static io.quiver.exec.function.ArgumentType.DATETIME;
import static io.quiver.exec.function.ArgumentType.DOUBLE;
import static io.quiver.exec.function.ArgumentType.INTEGER;
import static io.quiver.exec.function.ArgumentType.INTERVAL;
import static io.quiver.exec.function.ArgumentType.NUMERIC;
import static io.quiver.exec.function.ArgumentType.TEXT;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.KernelBinding;
import io.quiver.exec.function.ReturnType;
import io.quiver.exec.function.ScalarKernel;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Date and time functions (PostgreSQL's fields and patterns; DuckDB's and Spark's names and argument
 * orders where PostgreSQL has none). DATE in gives DATE out where the result is a day; a month added
 * to the 31st clamps to the month's last day.
 */
public final class DateTimeFunctions implements FunctionFamily {

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        now("CURRENT_DATE", ReturnType.DATE, "today's date, one value per query (the planner's time zone)", "CURDATE"),
        now("CURRENT_TIME", ReturnType.TIME, "the time of day the query started, one value per query", "CURTIME"),
        now("CURRENT_TIMESTAMP", ReturnType.TIMESTAMP, "the query's start time, one value per query", "NOW", "GETDATE"),
        now("LOCALTIMESTAMP", ReturnType.TIMESTAMP, "the query's start time, one value per query"),
        field("YEAR", Calendars.Unit.YEAR, "the year", "YEAR(DATE '2024-02-29')", "2024"),
        field("QUARTER", Calendars.Unit.QUARTER, "the quarter, 1 to 4", "QUARTER(DATE '2024-02-29')", "1"),
        field("MONTH", Calendars.Unit.MONTH, "the month, 1 to 12", "MONTH(DATE '2024-02-29')", "2"),
        field("WEEK", Calendars.Unit.WEEK, "the ISO week, 1 to 53", "WEEK(DATE '2024-02-29')", "9"),
        field("DAYOFMONTH", Calendars.Unit.DAY, "the day of the month", "DAYOFMONTH(DATE '2024-02-29')", "29"),
        field("DAYOFYEAR", Calendars.Unit.DOY, "the day of the year, 1 to 366", "DAYOFYEAR(DATE '2024-02-29')", "60"),
        field("HOUR", Calendars.Unit.HOUR, "the hour, 0 to 23", "HOUR(TIMESTAMP '2024-02-29 13:45:30')", "13"),
        field("MINUTE", Calendars.Unit.MINUTE, "the minute", "MINUTE(TIMESTAMP '2024-02-29 13:45:30')", "45"),
        field("SECOND", Calendars.Unit.SECOND, "the second (without its fraction)", "SECOND(TIMESTAMP '2024-02-29 13:45:30')", "30"),
        FunctionDefinition.scalar("DAYOFWEEK", FunctionCategory.TIME_DATE)
            .signature(ReturnType.BIGINT, DATETIME)
            .description("the day of the week, 1 (Sunday) to 7 (Saturday), as JDBC and Spark count (EXTRACT(DOW) counts 0 to 6)")
            .example("DAYOFWEEK(DATE '2024-02-29')", "5")
            .kernel(binding -> {
              boolean timestamp = isTimestamp(binding, 0);
              return (arguments, row, result) -> result.setLong(row,
                  Calendars.part(Calendars.of(arguments.getLong(0, row), timestamp), Calendars.Unit.DOW, 0) + 1);
            }).build(),
        FunctionDefinition.scalar("DATE_TRUNC", FunctionCategory.TIME_DATE)
            .signature(ReturnType.argument(1), TEXT, DATETIME)
            .description("d cut to the start of its unit (microsecond ... millennium; week starts Monday); DATE in, DATE out")
            .example("DATE_TRUNC('month', DATE '2024-02-29')", "2024-02-01")
            .kernel(binding -> {
              boolean timestamp = isTimestamp(binding, 1);
              UnitArgument unit = new UnitArgument(binding, 0);
              return (arguments, row, result) -> result.setLong(row, Calendars.to(Calendars.truncate(
                  Calendars.of(arguments.getLong(1, row), timestamp), unit.get(arguments, row)), timestamp));
            }).build(),
        FunctionDefinition.scalar("DATE_PART", FunctionCategory.TIME_DATE)
            .aliases("DATEPART")
            .signature(ReturnType.BIGINT, TEXT, DATETIME)
            .description("a field of d as a whole number: the fields of EXTRACT (year, quarter, month, week, day, dow, isodow, doy, hour, minute, second, epoch ...)")
            .example("DATE_PART('doy', DATE '2024-12-31')", "366")
            .kernel(binding -> {
              boolean timestamp = isTimestamp(binding, 1);
              UnitArgument unit = new UnitArgument(binding, 0);
              return (arguments, row, result) -> {
                long value = arguments.getLong(1, row);
                long micros = timestamp ? value : value * Calendars.MICROS_PER_DAY;
                result.setLong(row, Calendars.part(Calendars.of(value, timestamp), unit.get(arguments, row), micros));
              };
            }).build(),
        FunctionDefinition.scalar("DATE_ADD", FunctionCategory.TIME_DATE)
            .signature(ReturnType.DATE, DATE, INTEGER)
            .signature(ReturnType.FIRST, DATETIME, INTERVAL)
            .description("DATE_ADD(d, n): n days later (Spark); DATE_ADD(d, interval): d + interval (DuckDB)")
            .example("DATE_ADD(DATE '2024-02-28', 2)", "2024-03-01")
            .kernel(binding -> shift(binding, 1)).build(),
        FunctionDefinition.scalar("DATE_SUB", FunctionCategory.TIME_DATE)
            .signature(ReturnType.DATE, DATE, INTEGER)
            .signature(ReturnType.FIRST, DATETIME, INTERVAL)
            .description("DATE_SUB(d, n): n days earlier (Spark); DATE_SUB(d, interval): d - interval")
            .example("DATE_SUB(DATE '2024-03-01', 1)", "2024-02-29")
            .kernel(binding -> shift(binding, -1)).build(),
        FunctionDefinition.scalar("DATEADD", FunctionCategory.TIME_DATE)
            .signature(ReturnType.argument(2), TEXT, INTEGER, DATETIME)
            .description("DATEADD(unit, n, d): d plus n units (SQL Server, Snowflake); months clamp to the month's end")
            .example("DATEADD('month', 1, DATE '2024-01-31')", "2024-02-29")
            .kernel(binding -> {
              boolean timestamp = isTimestamp(binding, 2);
              UnitArgument unit = new UnitArgument(binding, 0);
              return (arguments, row, result) -> result.setLong(row, Calendars.to(Calendars.add(
                  Calendars.of(arguments.getLong(2, row), timestamp), unit.get(arguments, row), arguments.getLong(1, row)),
                  timestamp));
            }).build(),
        FunctionDefinition.scalar("DATE_DIFF", FunctionCategory.TIME_DATE)
            .aliases("DATEDIFF")
            .signature(ReturnType.BIGINT, TEXT, DATETIME, DATETIME)
            .signature(ReturnType.BIGINT, DATE, DATE)
            .description("DATE_DIFF(unit, start, end): how many unit boundaries lie from start to end (DuckDB); DATEDIFF(end, start): days (Spark)")
            .example("DATE_DIFF('month', DATE '2024-01-31', DATE '2024-02-01')", "1")
            .kernel(binding -> {
              if (binding.argumentCount() == 2) {
                return (arguments, row, result) ->
                    result.setLong(row, Math.subtractExact(arguments.getLong(0, row), arguments.getLong(1, row)));
              }
              boolean startTimestamp = isTimestamp(binding, 1);
              boolean endTimestamp = isTimestamp(binding, 2);
              UnitArgument unit = new UnitArgument(binding, 0);
              return (arguments, row, result) -> result.setLong(row, Calendars.boundaries(
                  Calendars.of(arguments.getLong(1, row), startTimestamp), Calendars.of(arguments.getLong(2, row), endTimestamp),
                  unit.get(arguments, row)));
            }).build(),
        FunctionDefinition.scalar("TIMESTAMPADD", FunctionCategory.TIME_DATE)
            .signature(ReturnType.argument(2), TEXT, INTEGER, DATETIME)
            .description("TIMESTAMPADD(unit, n, d): d plus n units (JDBC); months clamp to the month's end")
            .example("TIMESTAMPADD(MONTH, 1, DATE '2024-01-31')", "2024-02-29")
            .rewrittenByPlanner().build(),
        FunctionDefinition.scalar("TIMESTAMPDIFF", FunctionCategory.TIME_DATE)
            .signature(ReturnType.BIGINT, TEXT, DATETIME, DATETIME)
            .description("TIMESTAMPDIFF(unit, start, end): how many whole units fit from start to end (JDBC, MySQL)")
            .example("TIMESTAMPDIFF(MONTH, DATE '2024-01-31', DATE '2024-02-29')", "0")
            .kernel(binding -> {
              boolean startTimestamp = isTimestamp(binding, 1);
              boolean endTimestamp = isTimestamp(binding, 2);
              UnitArgument unit = new UnitArgument(binding, 0);
              return (arguments, row, result) -> result.setLong(row, Calendars.whole(
                  Calendars.of(arguments.getLong(1, row), startTimestamp), Calendars.of(arguments.getLong(2, row), endTimestamp),
                  unit.get(arguments, row)));
            }).build(),
        FunctionDefinition.scalar("LAST_DAY", FunctionCategory.TIME_DATE)
            .signature(ReturnType.DATE, DATETIME)
            .description("the last day of d's month")
            .example("LAST_DAY(DATE '2024-02-10')", "2024-02-29")
            .kernel(binding -> {
              boolean timestamp = isTimestamp(binding, 0);
              return (arguments, row, result) -> result.setLong(row, Calendars.of(arguments.getLong(0, row), timestamp)
                  .toLocalDate().with(TemporalAdjusters.lastDayOfMonth()).toEpochDay());
            }).build(),
        FunctionDefinition.scalar("MAKE_DATE", FunctionCategory.TIME_DATE)
            .signature(ReturnType.DATE, INTEGER, INTEGER, INTEGER)
            .description("the date of year, month and day")
            .example("MAKE_DATE(2024, 2, 29)", "2024-02-29")
            .kernel((arguments, row, result) -> {
              try {
                result.setLong(row, LocalDate.of(Math.toIntExact(arguments.getLong(0, row)), Math.toIntExact(arguments.getLong(1, row)),
                    Math.toIntExact(arguments.getLong(2, row))).toEpochDay());
              } catch (DateTimeException | ArithmeticException e) {
                throw new QuiverException(ErrorCode.INVALID_DATETIME, "MAKE_DATE: date field value out of range: "
                    + arguments.getLong(0, row) + "-" + arguments.getLong(1, row) + "-" + arguments.getLong(2, row));
              }
            }).build(),
        FunctionDefinition.scalar("MAKE_TIMESTAMP", FunctionCategory.TIME_DATE)
            .signature(ReturnType.TIMESTAMP, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, DOUBLE)
            .description("the timestamp of year, month, day, hour, minute and seconds (with a fraction)")
            .example("MAKE_TIMESTAMP(2024, 2, 29, 13, 45, 30.5)", "2024-02-29 13:45:30.5")
            .kernel((arguments, row, result) -> {
              double seconds = arguments.getDouble(5, row);
              try {
                if (seconds < 0 || seconds >= 60 || Double.isNaN(seconds)) {
                  throw new DateTimeException("seconds " + seconds);
                }
                long micros = Math.round(seconds * Calendars.MICROS_PER_SECOND);
                LocalDateTime value = LocalDate.of(Math.toIntExact(arguments.getLong(0, row)), Math.toIntExact(arguments.getLong(1, row)),
                    Math.toIntExact(arguments.getLong(2, row))).atTime(Math.toIntExact(arguments.getLong(3, row)),
                    Math.toIntExact(arguments.getLong(4, row))).plusNanos(micros * 1000);
                result.setLong(row, Calendars.micros(value));
              } catch (DateTimeException | ArithmeticException e) {
                throw new QuiverException(ErrorCode.INVALID_DATETIME, "MAKE_TIMESTAMP: field value out of range: " + e.getMessage());
              }
            }).build(),
        FunctionDefinition.scalar("TO_DATE", FunctionCategory.TIME_DATE)
            .signature(ReturnType.DATE, TEXT, TEXT)
            .description("text read with a PostgreSQL pattern (YYYY MM DD MON HH24 MI SS ...)")
            .example("TO_DATE('29 Feb 2024', 'DD Mon YYYY')", "2024-02-29")
            .kernel(binding -> {
              PatternArgument pattern = new PatternArgument(binding, 1);
              return (arguments, row, result) ->
                  result.setLong(row, pattern.get(arguments, row).parse(arguments.getString(0, row)).toLocalDate().toEpochDay());
            }).build(),
        FunctionDefinition.scalar("TO_TIMESTAMP", FunctionCategory.TIME_DATE)
            .signature(ReturnType.TIMESTAMP, TEXT, TEXT)
            .signature(ReturnType.TIMESTAMP, DOUBLE)
            .description("TO_TIMESTAMP(text, pattern): text read with a PostgreSQL pattern; TO_TIMESTAMP(seconds): the UTC time that many seconds after 1970-01-01")
            .example("TO_TIMESTAMP('2024-02-29 13:45', 'YYYY-MM-DD HH24:MI')", "2024-02-29 13:45:00")
            .kernel(binding -> {
              if (binding.argumentCount() == 1) {
                return (arguments, row, result) -> {
                  double seconds = arguments.getDouble(0, row);
                  if (Double.isNaN(seconds) || Math.abs(seconds) > 9.2e12) {
                    throw new QuiverException(ErrorCode.INVALID_DATETIME, "TO_TIMESTAMP: " + seconds + " is out of range");
                  }
                  result.setLong(row, Math.round(seconds * Calendars.MICROS_PER_SECOND));
                };
              }
              PatternArgument pattern = new PatternArgument(binding, 1);
              return (arguments, row, result) ->
                  result.setLong(row, Calendars.micros(pattern.get(arguments, row).parse(arguments.getString(0, row))));
            }).build(),
        FunctionDefinition.scalar("TO_CHAR", FunctionCategory.TIME_DATE)
            .signature(ReturnType.TEXT, DATETIME, TEXT)
            .signature(ReturnType.TEXT, NUMERIC, TEXT)
            .description("d written with a PostgreSQL pattern (YYYY MM DD Mon Month Day HH24 HH12 MI SS MS AM Q IW ..., FM to drop padding); "
                + "a number with PostgreSQL's number pattern (9 0 . D , G S MI PL SG PR FM)")
            .example("TO_CHAR(TIMESTAMP '2024-02-29 13:05:00', 'FMDay, DD Mon YYYY HH12:MI AM')", "Thursday, 29 Feb 2024 01:05 PM")
            .kernel(binding -> {
              DataType valueType = binding.argumentTypes().get(0);
              if (valueType.isNumeric()) {
                return numberToChar(binding, valueType);
              }
              boolean timestamp = isTimestamp(binding, 0);
              PatternArgument pattern = new PatternArgument(binding, 1);
              return (arguments, row, result) -> result.setString(row,
                  pattern.get(arguments, row).format(Calendars.of(arguments.getLong(0, row), timestamp)));
            }).build());
  }

  /** TO_CHAR(number, pattern): the pattern parsed once when constant. */
  private static ScalarKernel numberToChar(KernelBinding binding, DataType valueType) {
    Object constant = binding.constant(1);
    PgNumberFormat fixed = constant == null ? null : new PgNumberFormat((String) constant);
    boolean approximate = valueType.kind() == TypeKind.DOUBLE || valueType.kind() == TypeKind.REAL;
    return (arguments, row, result) -> {
      PgNumberFormat format = fixed != null ? fixed : new PgNumberFormat(arguments.getString(1, row));
      BigDecimal value;
      if (approximate) {
        double number = arguments.getDouble(0, row);
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          result.setString(row, Double.toString(number));
          return;
        }
        value = BigDecimal.valueOf(number);
      } else if (valueType.isInteger()) {
        value = BigDecimal.valueOf(arguments.getLong(0, row));
      } else {
        value = arguments.getDecimal(0, row);
      }
      result.setString(row, format.format(value));
    };
  }

  private static FunctionDefinition now(String name, ReturnType type, String description, String... aliases) {
    return FunctionDefinition.scalar(name, FunctionCategory.TIME_DATE)
        .aliases(aliases)
        .signature(type)
        .description(description)
        .example(name.equals("CURRENT_DATE") ? "CURRENT_DATE > DATE '2020-01-01'"
            : name.equals("CURRENT_TIME") ? "CURRENT_TIME IS NOT NULL" : name + " > TIMESTAMP '2020-01-01 00:00:00'", "true")
        .rewrittenByPlanner().build();
  }

  /** YEAR(d), MONTH(d) ...: one field of a date or timestamp (Calcite parses them; EXTRACT runs them). */
  private static FunctionDefinition field(String name, Calendars.Unit unit, String description, String sql, String result) {
    return FunctionDefinition.scalar(name, FunctionCategory.TIME_DATE)
        .signature(ReturnType.BIGINT, DATETIME)
        .description(description)
        .example(sql, result)
        .kernel(binding -> {
          boolean timestamp = isTimestamp(binding, 0);
          return (arguments, row, out) -> {
            long value = arguments.getLong(0, row);
            out.setLong(row, Calendars.part(Calendars.of(value, timestamp), unit,
                timestamp ? value : value * Calendars.MICROS_PER_DAY));
          };
        }).build();
  }

  private static boolean isTimestamp(KernelBinding binding, int argument) {
    return binding.argumentTypes().get(argument).kind() == TypeKind.TIMESTAMP;
  }

  /** DATE_ADD / DATE_SUB: days (DATE, INTEGER) or an interval (microseconds or months). */
  private static ScalarKernel shift(KernelBinding binding, int sign) {
    DataType amount = binding.argumentTypes().get(1);
    boolean timestamp = isTimestamp(binding, 0);
    if (amount.kind() == TypeKind.BIGINT) {
      return (arguments, row, result) ->
          result.setLong(row, Math.addExact(arguments.getLong(0, row), Math.multiplyExact(sign, arguments.getLong(1, row))));
    }
    boolean months = amount.kind() == TypeKind.INTERVAL_YEAR_MONTH;
    return (arguments, row, result) -> {
      LocalDateTime value = Calendars.of(arguments.getLong(0, row), timestamp);
      long step = sign * arguments.getLong(1, row);
      LocalDateTime shifted = months ? value.plusMonths(step) : value.plusNanos(Math.multiplyExact(step, 1_000L));
      result.setLong(row, Calendars.to(shifted, timestamp));
    };
  }

  /** A unit argument: parsed once when constant. */
  private static final class UnitArgument {
    private final int argument;
    private final Calendars.Unit constant;

    UnitArgument(KernelBinding binding, int argument) {
      this.argument = argument;
      Object value = binding.constant(argument);
      this.constant = value == null ? null : Calendars.Unit.of((String) value);
    }

    Calendars.Unit get(io.quiver.exec.function.KernelArguments arguments, int row) {
      return constant != null ? constant : Calendars.Unit.of(arguments.getString(argument, row));
    }
  }

  /** A pattern argument: parsed once when constant. */
  private static final class PatternArgument {
    private final int argument;
    private final PgFormat constant;

    PatternArgument(KernelBinding binding, int argument) {
      this.argument = argument;
      Object value = binding.constant(argument);
      this.constant = value == null ? null : new PgFormat((String) value);
    }

    PgFormat get(io.quiver.exec.function.KernelArguments arguments, int row) {
      return constant != null ? constant : new PgFormat(arguments.getString(argument, row));
    }
  }
}
