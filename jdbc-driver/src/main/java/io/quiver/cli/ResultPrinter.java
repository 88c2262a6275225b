package io.quiver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a result set to the console in one format, streaming: rows are read as they are written. */
interface ResultPrinter {

  /** Prints the rows; returns how many there were. */
  long print(ResultSet rows, PrintStream out) throws SQLException;

  /** Prints what a statement without rows reports. */
  void printUpdate(long count, PrintStream out);

  static ResultPrinter of(String format) throws QuiverCli.UsageException {
    switch (format) {
      case "table":
        return new TablePrinter();
      case "csv":
        return new CsvPrinter();
      default:
        throw new QuiverCli.UsageException("unknown format '" + format + "' (table or csv)");
    }
  }
}
