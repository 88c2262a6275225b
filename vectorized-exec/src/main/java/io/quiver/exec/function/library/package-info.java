/**
 * The functions Quiver ships, one file per family (operators, text, patterns, numbers, date/time,
 * conditional). PostgreSQL's behaviour where the SQL standard is silent; DuckDB's and Spark's names
 * as aliases; every definition documents itself with an example that a test runs.
 */
package io.quiver.exec.function.library;
