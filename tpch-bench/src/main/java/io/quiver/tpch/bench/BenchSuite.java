package io.quiver.tpch.bench;

import io.quiver.engine.Session;
import io.quiver.tpch.ResultRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One benchmark the runner can run: TPC-H or TPC-DS. It names its queries and tables, gives a
 * query's text and checked-in answer at a scale factor, and loads DuckDB with the same rows Quiver
 * reads. Everything else (loading Quiver, timing, checking, the report) is the runner's and the
 * same for both.
 */
public sealed interface BenchSuite permits TpchSuite, TpcdsSuite {

  /** The name on the command line and of the Quiver catalog that generates the tables: tpch, tpcds. */
  String name();

  /** The benchmark's name as people write it: TPC-H, TPC-DS. */
  String title();

  /** Queries are numbered 1 to this. */
  int queryCount();

  /** The scale factors {@code --sf} accepts (schemas of the catalog: 0.01 is {@code tiny}). */
  List<Double> scaleFactors();

  /** The query's SQL with its parameters for {@code scaleFactor}. */
  String queryText(int number, double scaleFactor);

  /**
   * The query as DuckDB must be given it to mean the same: where SQL (and Quiver) divide an integer
   * by an integer to an integer, DuckDB's {@code /} gives a DOUBLE and its {@code //} the integer.
   */
  default String duckDbQueryText(int number, double scaleFactor) {
    return queryText(number, scaleFactor);
  }

  /** The query's name in reports, e.g. {@code q07}. */
  default String queryName(int number) {
    return String.format(java.util.Locale.ROOT, "q%02d", number);
  }

  /** The checked-in answer of the query at {@code scaleFactor}, if there is one. */
  Optional<ResultRows> referenceAnswer(double scaleFactor, int number);

  /** The tables, as named in the catalog. */
  List<String> tables();

  /**
   * True when the queries read the generating catalog instead of memory tables at this scale
   * factor (the memory tables would not fit).
   */
  boolean readsGeneratedTables(double scaleFactor);

  /**
   * Loads the tables into DuckDB's schema {@code main}: the same rows Quiver reads, which it can
   * take from {@code quiver} (where the session's schema holds the tables).
   */
  void loadDuckDb(Connection duckDb, double scaleFactor, Session quiver) throws SQLException;

  /** The suite named {@code name} on the command line. */
  static BenchSuite named(String name) {
    return switch (name) {
      case "tpch" -> new TpchSuite();
      case "tpcds" -> new TpcdsSuite();
      default -> throw new IllegalArgumentException("unknown benchmark '" + name + "': expected tpch or tpcds");
    };
  }

  /** The catalog's schema at a scale factor: {@code tiny} for 0.01, else {@code sf<N>}. */
  static String schemaName(double scaleFactor) {
    return scaleFactor == 0.01 ? "tiny" : "sf" + (long) scaleFactor;
  }
}
