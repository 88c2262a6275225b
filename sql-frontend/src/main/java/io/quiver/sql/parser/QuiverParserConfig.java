package io.quiver.sql.parser;

import io.quiver.sql.parser.impl.QuiverSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * How Quiver reads SQL text: with its own parser (generated from Calcite's grammar template with
 * Quiver's statements, type names and keywords: src/main/codegen), unquoted identifiers folded to
 * lower case (PostgreSQL, Spark), quoted identifiers keeping their case, double quotes quoting,
 * LIMIT/OFFSET/FETCH all working.
 */
public final class QuiverParserConfig {

  /**
   * The dialect rules shared by the parser and the validator: LENIENT allows LIMIT, GROUP BY an
   * alias or an ordinal, and other forms PostgreSQL users write.
   */
  public static final SqlConformance CONFORMANCE = SqlConformanceEnum.LENIENT;

  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(QuiverSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(CONFORMANCE)
      .withIdentifierMaxLength(1024);

  private QuiverParserConfig() {
  }
}
