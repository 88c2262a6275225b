package io.quiver.engine.session;

import java.time.Duration;
import java.util.Locale;

/** Numbers with units as session options take them: bytes (512MB) and times (10s), PostgreSQL's units. */
final class ValueUnits {

  private static final String[] BYTE_UNITS = {"TB", "GB", "MB", "kB"};
  private static final long[] BYTE_FACTORS = {1L << 40, 1L << 30, 1L << 20, 1L << 10};

  private ValueUnits() {
  }

  /** {@code 1048576}, {@code 512MB}, {@code 2 GB}, {@code 64kB} (units in any case). */
  static long bytes(String text) {
    String value = text.strip();
    String upper = value.toUpperCase(Locale.ROOT);
    for (int i = 0; i < BYTE_UNITS.length; i++) {
      String unit = BYTE_UNITS[i].toUpperCase(Locale.ROOT);
      if (upper.endsWith(unit)) {
        return positive(Math.multiplyExact(Long.parseLong(value.substring(0, value.length() - unit.length()).strip()),
            BYTE_FACTORS[i]));
      }
    }
    if (upper.endsWith("B")) {
      value = value.substring(0, value.length() - 1).strip();
    }
    return positive(Long.parseLong(value));
  }

  static String formatBytes(long bytes) {
    for (int i = 0; i < BYTE_UNITS.length; i++) {
      if (bytes >= BYTE_FACTORS[i] && bytes % BYTE_FACTORS[i] == 0) {
        return bytes / BYTE_FACTORS[i] + BYTE_UNITS[i];
      }
    }
    return bytes + "B";
  }

  /** A number of milliseconds, or {@code 500ms}, {@code 10s}, {@code 5min}, {@code 1h}, {@code 1d}. */
  static Duration duration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Duration duration;
    if (value.endsWith("ms")) {
      duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).strip()));
    } else if (value.endsWith("min")) {
      duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 3).strip()));
    } else if (value.endsWith("s")) {
      duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).strip()));
    } else if (value.endsWith("h")) {
      duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1).strip()));
    } else if (value.endsWith("d")) {
      duration = Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1).strip()));
    } else {
      duration = Duration.ofMillis(Long.parseLong(value));
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return duration;
  }

  static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "min";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static long positive(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("below 1");
    }
    return value;
  }
}
