package io.quiver.sql.analyze;

import io.quiver.sql.catalog.SearchPathView;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverParserConfig;
import io.quiver.sql.type.QuiverTypeSystem;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Validates a parsed query against the catalog and converts it to a logical {@code RelNode} tree.
 * Thread-safe: the validator and converter, which hold per-statement state, are made per call.
 */
public final class SqlAnalyzer {

  private static final CalciteConnectionConfig CONNECTION_CONFIG;

  static {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "TO_LOWER");
    properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(properties);
  }

  private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
      .withConformance(QuiverParserConfig.CONFORMANCE)
      .withIdentifierExpansion(true)
      .withTypeCoercionFactory(io.quiver.sql.type.QuiverTypeCoercion::new)
      // PostgreSQL's order: NULLs sort as if larger than any value.
      .withDefaultNullCollation(NullCollation.HIGH);

  /**
   * Subqueries stay as {@code RexSubQuery} for the planner's removal rules and decorrelation; IN
   * lists of any length stay IN/OR predicates instead of becoming joins against VALUES.
   */
  private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
      .withExpand(false)
      .withInSubQueryThreshold(Integer.MAX_VALUE)
      .withTrimUnusedFields(true)
      .withDecorrelationEnabled(true)
      .withRelBuilderFactory(RelFactories.LOGICAL_BUILDER);

  private final CalciteSchema rootSchema;
  private final SqlOperatorTable functions;

  /** An analyzer knowing Calcite's standard functions only. */
  public SqlAnalyzer(SchemaPlus rootSchema) {
    this(rootSchema, SqlStdOperatorTable.instance());
  }

  /**
   * @param functions the operators and functions the validator resolves names against (the planner
   *     passes the function registry's table, which includes Calcite's standard operators)
   */
  public SqlAnalyzer(SchemaPlus rootSchema, SqlOperatorTable functions) {
    this.rootSchema = CalciteSchema.from(rootSchema);
    this.functions = functions;
  }

  /** A type factory with Quiver's type system; make one per statement. */
  public static RelDataTypeFactory newTypeFactory() {
    return new JavaTypeFactoryImpl(QuiverTypeSystem.INSTANCE);
  }

  /** A catalog reader resolving unqualified names in {@code defaultSchemaPath}. */
  public CalciteCatalogReader catalogReader(List<String> defaultSchemaPath,
      RelDataTypeFactory typeFactory) {
    return new CalciteCatalogReader(rootSchema, defaultSchemaPath, typeFactory, CONNECTION_CONFIG);
  }

  /**
   * A catalog reader resolving names in {@code schemaPaths}, in order (the first path where a
   * name resolves wins; {@link SearchPathCatalogReader}).
   */
  public SearchPathCatalogReader searchPathReader(List<List<String>> schemaPaths, RelDataTypeFactory typeFactory) {
    return new SearchPathCatalogReader(rootSchema, schemaPaths, typeFactory, CONNECTION_CONFIG);
  }

  /**
   * Validates {@code query} and converts it to relational algebra in {@code cluster}.
   *
   * @throws SqlFrontendException of kind VALIDATION, with Calcite's message, line and column
   */
  public RelRoot toRel(SqlNode query, CalciteCatalogReader catalogReader, RelOptCluster cluster) {
    return analyze(query, catalogReader, cluster).relRoot();
  }

  /**
   * Validates {@code query}, converts it to relational algebra in {@code cluster}, and names its
   * result columns ({@link ColumnNames}).
   *
   * @throws SqlFrontendException of kind VALIDATION, with Calcite's message, line and column
   */
  public AnalyzedQuery analyze(SqlNode query, CalciteCatalogReader catalogReader,
      RelOptCluster cluster) {
    SqlValidator validator = newValidator(functions, catalogReader, cluster.getTypeFactory());
    SqlNode validated = validate(validator, query);
    SqlToRelConverter converter = new SqlToRelConverter(new ViewExpansion(functions, catalogReader, cluster), validator,
        catalogReader, cluster, QuiverConvertlets.INSTANCE, CONVERTER_CONFIG);
    try {
      RelRoot root = converter.convertQuery(validated, false, true);
      return new AnalyzedQuery(root, ColumnNames.of(validated, root.validatedRowType));
    } catch (RuntimeException e) {
      throw validationError(e);
    }
  }

  /**
   * The types the validator infers for the query's dynamic parameters ({@code ?}), in the order they
   * appear: each from where it stands ({@code x = ?} has x's type). The query is validated, not
   * converted.
   *
   * @throws SqlFrontendException of kind VALIDATION where the query does not validate, or where a
   *     parameter's place does not say its type ({@code SELECT ?})
   */
  public List<RelDataType> parameterTypes(SqlNode query, CalciteCatalogReader catalogReader,
      RelDataTypeFactory typeFactory) {
    SqlValidator validator = newValidator(functions, catalogReader, typeFactory);
    SqlNode validated = validate(validator, query);
    try {
      return validator.getParameterRowType(validated).getFieldList().stream()
          .map(org.apache.calcite.rel.type.RelDataTypeField::getType).toList();
    } catch (RuntimeException e) {
      throw validationError(e);
    }
  }

  /** Validates a query in place, with Quiver's checks and rewrites around Calcite's validator. */
  private static SqlNode validate(SqlValidator validator, SqlNode query) {
    try {
      WindowArgumentCheck.check(query);
      NamedWindowFrames.resolve(query);
      SqlNode validated = validator.validate(AggregateOperators.standardTypes(
          query.accept(new WindowAggregateClauses())
          .accept(new LeadingArgumentNaming())
          .accept(new LongInLists()).accept(DateArithmetic.REPLACE)));
      validated.accept(new TextNumberCheck(validator));
      RecursiveQueryChecker.check(validated);
      SetOperationTypes.check(validated, validator);
      return validated;
    } catch (RuntimeException e) {
      throw validationError(e);
    }
  }

  private static SqlValidator newValidator(SqlOperatorTable functions, CalciteCatalogReader catalogReader,
      RelDataTypeFactory typeFactory) {
    // Quiver's aggregate typing first: it redefines some of Calcite's standard aggregates.
    SqlOperatorTable operators = SqlOperatorTables.chain(AggregateOperators.TABLE, functions, catalogReader);
    return SqlValidatorUtil.newValidator(operators, catalogReader, typeFactory, VALIDATOR_CONFIG);
  }

  /**
   * Expands a view (a table whose {@code toRel} asks for it) while a query that reads it is
   * converted: the view's text is parsed, validated in the schema path it was created in, and
   * converted into the same cluster, so that the view is planned as if its query stood in place.
   * Views inside views expand the same way; a chain deeper than {@link #MAX_VIEW_DEPTH} (a view
   * that reads itself through others) is an error. A view whose query no longer validates (a table
   * it reads was dropped) fails with the validator's message and {@code (in view name)}.
   */
  private static final class ViewExpansion implements RelOptTable.ViewExpander {

    private static final int MAX_VIEW_DEPTH = 32;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final SqlOperatorTable functions;
    private final CalciteCatalogReader catalogReader;
    private final RelOptCluster cluster;

    ViewExpansion(SqlOperatorTable functions, CalciteCatalogReader catalogReader, RelOptCluster cluster) {
      this.functions = functions;
      this.catalogReader = catalogReader;
      this.cluster = cluster;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
        List<String> viewPath) {
      String view = viewPath == null ? "?" : String.join(".", viewPath);
      int[] depth = DEPTH.get();
      if (depth[0] >= MAX_VIEW_DEPTH) {
        throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, "views nest deeper than "
            + MAX_VIEW_DEPTH + " levels (in view " + view + "); does a view read itself?", 0, 0, null);
      }
      depth[0]++;
      try {
        SqlNode parsed = SqlParser.create(queryString, QuiverParserConfig.PARSER_CONFIG).parseQuery();
        CalciteCatalogReader viewReader = viewReader(schemaPath, viewPath);
        SqlValidator validator = newValidator(functions, viewReader, cluster.getTypeFactory());
        NamedWindowFrames.resolve(parsed);
        SqlNode validated = validator.validate(AggregateOperators.standardTypes(
            parsed.accept(new WindowAggregateClauses()).accept(new LongInLists()).accept(DateArithmetic.REPLACE)));
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, viewReader, cluster,
            QuiverConvertlets.INSTANCE, CONVERTER_CONFIG);
        return converter.convertQuery(validated, false, true);
      } catch (SqlParseException e) {
        throw new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, "the query of view " + view
            + " does not parse any more: " + firstLine(e.getMessage()), 0, 0, e);
      } catch (RuntimeException e) {
        SqlFrontendException error = validationError(e);
        if (error.getMessage() != null && error.getMessage().contains("(in view ")) {
          throw error;
        }
        // The position is in the view's text, not the statement's: leave it out.
        throw new SqlFrontendException(error.kind(), error.getMessage() + " (in view " + view + ")", 0, 0, e);
      } finally {
        depth[0]--;
      }
    }

    /**
     * The catalog reader a view's query is read with: along the view's own search path
     * ({@link SearchPathView}), else in its one default schema.
     */
    private CalciteCatalogReader viewReader(List<String> schemaPath, List<String> viewPath) {
      Prepare.PreparingTable view = viewPath == null ? null : catalogReader.getTable(viewPath);
      SearchPathView searchPath = view == null ? null : view.unwrap(SearchPathView.class);
      if (searchPath == null) {
        return catalogReader.withSchemaPath(schemaPath);
      }
      return new SearchPathCatalogReader(catalogReader.getRootSchema(), searchPath.schemaPaths(),
          catalogReader.getTypeFactory(), CONNECTION_CONFIG);
    }
  }

  /**
   * A validation failure: Calcite's own message (of the innermost cause, which names the object)
   * and the position of its {@link CalciteContextException}, when there is one.
   */
  private static SqlFrontendException validationError(RuntimeException e) {
    if (e instanceof SqlFrontendException frontend) {
      return frontend;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CalciteContextException context) {
        String detail = context.getCause() != null && context.getCause().getMessage() != null
            ? context.getCause().getMessage() : context.getMessage();
        return new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, firstLine(detail),
            context.getPosLine(), context.getPosColumn(), e);
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    return new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, message, 0, 0, e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
