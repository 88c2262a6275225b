package io.quiver.engine.connector.system;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import java.util.Locale;

/**
 * One table of {@code system.runtime}: what the engine runs now and ran lately, as its event bus
 * told it ({@link io.quiver.engine.profile.RuntimeHistory}). Its rows are made when a scan opens.
 * Times are TIMESTAMPs in UTC, durations milliseconds, sizes bytes.
 */
public enum RuntimeTable {

  QUERIES(List.of(text("query_id"), nullableText("user_name"), text("state"), text("sql_text"),
      time("start_time"), nullableTime("end_time"), number("elapsed_ms"), number("planning_ms"), number("result_rows"),
      nullableText("error_code"), nullableText("error_message"))),
  JOBS(List.of(text("job_id"), text("state"), nullableText("sql_text"), time("start_time"), nullableTime("end_time"),
      number("elapsed_ms"), integer("stages"), integer("tasks"), number("input_rows"), number("output_rows"),
      number("table_rows"), number("shuffle_write_bytes"), number("spill_bytes"), nullableText("error_code"),
      nullableText("error_message"))),
  STAGES(List.of(text("job_id"), integer("stage_id"), text("state"), integer("partitions"), integer("tasks"),
      integer("running_tasks"), text("source_stages"), time("submit_time"), nullableTime("end_time"),
      number("elapsed_ms"), number("task_ms_min"), number("task_ms_median"), number("task_ms_max"),
      number("input_rows"), number("input_bytes"), number("output_rows"), number("output_bytes"),
      number("shuffle_read_bytes"), number("shuffle_write_bytes"), number("spill_bytes"),
      number("peak_memory_bytes"))),
  TASKS(List.of(text("job_id"), integer("stage_id"), integer("partition_id"), integer("attempt"),
      nullableText("executor_id"), nullableInteger("slot"), text("state"), time("start_time"), nullableTime("end_time"),
      number("elapsed_ms"),
      number("input_rows"), number("input_bytes"), number("output_rows"), number("output_bytes"),
      number("shuffle_read_bytes"), number("remote_shuffle_read_bytes"), number("shuffle_write_bytes"),
      number("spill_bytes"), number("spill_files"), number("peak_memory_bytes"), number("cpu_ms"),
      number("gc_ms"), nullableText("error_code"), nullableText("error_message"))),
  EXECUTORS(List.of(text("executor_id"), text("address"), integer("slots"), integer("running_tasks"),
      nullableNumber("memory_used_bytes"), nullableNumber("memory_limit_bytes"), nullableNumber("shuffle_bytes"),
      time("last_heartbeat"), text("state")));

  /** The schema's name in the {@code system} catalog. */
  public static final String SCHEMA_NAME = "runtime";

  private final RowSchema columns;

  RuntimeTable(List<Column> columns) {
    this.columns = new RowSchema(columns);
  }

  public String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public RowSchema columns() {
    return columns;
  }

  private static Column text(String name) {
    return new Column(name, DataType.VARCHAR, false);
  }

  private static Column nullableText(String name) {
    return new Column(name, DataType.VARCHAR, true);
  }

  private static Column integer(String name) {
    return new Column(name, DataType.INTEGER, false);
  }

  private static Column nullableInteger(String name) {
    return new Column(name, DataType.INTEGER, true);
  }

  private static Column number(String name) {
    return new Column(name, DataType.BIGINT, false);
  }

  private static Column nullableNumber(String name) {
    return new Column(name, DataType.BIGINT, true);
  }

  private static Column time(String name) {
    return new Column(name, DataType.TIMESTAMP, false);
  }

  private static Column nullableTime(String name) {
    return new Column(name, DataType.TIMESTAMP, true);
  }
}
