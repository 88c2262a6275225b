package io.quiver.engine.session;

import io.quiver.engine.QuiverConfig;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options of a session: what {@code SET}, {@code RESET} and {@code SHOW} name, with their
 * values' kind, default and meaning. Adding an option is one entry here (and reading it where it
 * acts, through {@link SessionSettings#get}); SHOW SESSION, RESET ALL and the README's table list
 * them all.
 */
public enum SessionOption {

  SCHEMA("schema", Kind.SCHEMA, config -> List.of(SessionImpl.DEFAULT_CATALOG, SessionImpl.DEFAULT_SCHEMA),
      "the current schema: where CREATE puts objects and unqualified names are looked up first"),
  SEARCH_PATH("search_path", Kind.SCHEMA_LIST, config -> List.of(SessionImpl.SEARCHED_BY_DEFAULT),
      "schemas where unqualified names are looked up after the current schema, in order"),
  SHUFFLE_PARTITIONS("shuffle_partitions", Kind.POSITIVE_INTEGER, QuiverConfig::shufflePartitions,
      "partitions of every hash and round-robin exchange of the session's queries"),
  SLOTS_PER_QUERY("slots_per_query", Kind.COUNT, config -> 0,
      "the most tasks of one query that run at once; 0 for as many as there are slots"),
  MEMORY_LIMIT("memory_limit", Kind.BYTES, QuiverConfig::memoryLimitBytes,
      "the most bytes the tasks of one query hold at once on the driver's executor (53200 beyond)"),
  QUERY_TIMEOUT("query_timeout", Kind.DURATION, config -> Duration.ZERO,
      "a statement still running after this long is stopped with 57014; 0 for no limit"),
  TIME_ZONE("time_zone", Kind.ZONE, config -> ZoneId.systemDefault(),
      "the time zone of CURRENT_DATE, CURRENT_TIMESTAMP and LOCALTIMESTAMP");

  private final String optionName;
  private final Kind kind;
  private final Function<QuiverConfig, Object> defaultValue;
  private final String description;

  @SuppressWarnings("unchecked")
  <T> SessionOption(String optionName, Kind kind, Function<QuiverConfig, T> defaultValue, String description) {
    this.optionName = optionName;
    this.kind = kind;
    this.defaultValue = (Function<QuiverConfig, Object>) defaultValue;
    this.description = description;
  }

  /** The name SET and SHOW use, in lower case. */
  public String optionName() {
    return optionName;
  }

  public String description() {
    return description;
  }

  Kind kind() {
    return kind;
  }

  Object defaultValue(QuiverConfig config) {
    return defaultValue.apply(config);
  }

  /** The option of that name (any case; {@code timezone} is {@code time_zone}, as PostgreSQL spells it). */
  public static Optional<SessionOption> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    if (wanted.equals("timezone")) {
      wanted = TIME_ZONE.optionName;
    }
    for (SessionOption option : values()) {
      if (option.optionName.equals(wanted)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  /** The option of that name, or UNKNOWN_OPTION (42704) listing the options there are. */
  public static SessionOption require(String name) {
    return named(name).orElseThrow(() -> {
      List<String> names = new ArrayList<>();
      for (SessionOption option : values()) {
        names.add(option.optionName);
      }
      return new QuiverException(ErrorCode.UNKNOWN_OPTION, "unrecognized option \"" + name
          + "\"; the options are " + String.join(", ", names));
    });
  }

  /** The value as SHOW writes it. */
  String format(Object value) {
    return kind.format(value);
  }

  /**
   * The value {@code SET} gives; SCHEMA values are names to resolve against the catalog (the
   * session does that).
   *
   * @throws QuiverException INVALID_PARAMETER (22023) for a value of the wrong form
   */
  Object parse(List<String> values) {
    if (kind == Kind.SCHEMA_LIST) {
      return List.copyOf(values);
    }
    if (values.size() != 1) {
      throw invalid(String.join(", ", values), "one value");
    }
    String text = values.get(0).strip();
    try {
      return kind.parse(text);
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw invalid(text, kind.expected);
    }
  }

  private QuiverException invalid(String value, String expected) {
    return new QuiverException(ErrorCode.INVALID_PARAMETER, "invalid value for option " + optionName + ": '"
        + value + "'; expected " + expected);
  }

  /** The forms an option's values take. */
  enum Kind {
    SCHEMA("a schema: schema or catalog.schema"),
    SCHEMA_LIST("schemas, separated by commas: schema or catalog.schema each"),
    POSITIVE_INTEGER("a whole number of at least 1"),
    COUNT("a whole number, 0 for no limit"),
    BYTES("a number of bytes, with an optional unit: 1048576, 512MB, 2GB (kB, MB, GB, TB)"),
    DURATION("a time: a number of milliseconds, or with a unit: 500ms, 10s, 5min, 1h; 0 for no limit"),
    ZONE("a time zone: UTC, +02:00, Europe/Paris, or LOCAL (the JVM's)");

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }

    Object parse(String text) {
      switch (this) {
        case SCHEMA:
        case SCHEMA_LIST:
          return text;
        case POSITIVE_INTEGER:
        case COUNT:
          int number = Integer.parseInt(text);
          if (number < (this == COUNT ? 0 : 1)) {
            throw new IllegalArgumentException("too small");
          }
          return number;
        case BYTES:
          return ValueUnits.bytes(text);
        case DURATION:
          return ValueUnits.duration(text);
        default:
          return text.equalsIgnoreCase("local") ? ZoneId.systemDefault() : ZoneId.of(text, ZoneId.SHORT_IDS);
      }
    }

    String format(Object value) {
      switch (this) {
        case SCHEMA:
          @SuppressWarnings("unchecked")
          List<String> path = (List<String>) value;
          return String.join(".", path);
        case SCHEMA_LIST:
          @SuppressWarnings("unchecked")
          List<List<String>> paths = (List<List<String>>) value;
          List<String> names = new ArrayList<>();
          paths.forEach(schema -> names.add(String.join(".", schema)));
          return String.join(", ", names);
        case BYTES:
          return ValueUnits.formatBytes((Long) value);
        case DURATION:
          return ValueUnits.formatDuration((Duration) value);
        default:
          return value.toString();
      }
    }
  }
}
