package io.quiver.engine.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Numbers of profiles as people read them: durations, byte sizes, percentiles of task measures. */
public final class ProfileFormat {

  private ProfileFormat() {
  }

  /** Nanoseconds as milliseconds with one decimal, or seconds with three from one second on. */
  public static String duration(long nanos) {
    double millis = nanos / 1e6;
    return millis >= 1_000 ? String.format(Locale.ROOT, "%.3f s", millis / 1000)
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  /** Bytes in B, KiB, MiB or GiB. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Nanoseconds as whole milliseconds with three decimals, for machine-read output. */
  public static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  /**
   * The value at quantile {@code q} (0 to 1) of {@code values} by the nearest-rank method (the
   * median of an even count is the lower middle value, a value some task really had).
   *
   * @return 0 for no values
   */
  public static long quantile(List<Long> values, double q) {
    if (values.isEmpty()) {
      return 0;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
