package io.quiver.planner;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.error.SqlErrors;
import io.quiver.planner.explain.RowEstimates;
import io.quiver.planner.explain.StagePlanPrinter;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.planner.logical.LogicalRewriter;
import io.quiver.planner.logical.SupportChecker;
import io.quiver.planner.physical.PhysicalPlanner;
import io.quiver.planner.recursive.RecursionTable;
import io.quiver.planner.recursive.RecursiveQueries;
import io.quiver.planner.recursive.RecursiveStep;
import io.quiver.exec.fragment.node.TableHandle;
import java.util.UUID;
import io.quiver.planner.statistics.QuiverMetadata;
import io.quiver.sql.analyze.AnalyzedQuery;
import io.quiver.sql.analyze.SearchPathCatalogReader;
import io.quiver.sql.analyze.SqlAnalyzer;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.ExplainStatement;
import io.quiver.sql.statement.QueryStatement;
import io.quiver.sql.statement.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans SQL: parse, validate against the catalog, logical rewrites, cost-based physical planning in
 * the Quiver convention, and fragmenting into a stage DAG. Thread-safe; one per engine: every call
 * builds its own validator, planner and cluster, and shares only immutable configuration.
 */
public final class QueryPlanner {

  private final SqlAnalyzer analyzer;
  private final PlannerSettings settings;

  /**
   * @param rootSchema the catalog: catalogs are sub-schemas of the root, schemas are theirs, and
   *     connector tables are {@link io.quiver.sql.catalog.ConnectorTable}s. It must be backed by a
   *     {@code CalciteSchema} ({@code CalciteSchema.createRootSchema(false, false).plus()} or
   *     {@code Frameworks.createRootSchema(false)}).
   */
  public QueryPlanner(SchemaPlus rootSchema, PlannerSettings settings) {
    if (settings.shufflePartitions() < 1) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER,
          "shufflePartitions must be at least 1, not " + settings.shufflePartitions());
    }
    this.analyzer = new SqlAnalyzer(rootSchema, io.quiver.planner.function.RegistryOperatorTable.INSTANCE);
    this.settings = settings;
  }

  /**
   * Plans one statement: a query, or EXPLAIN of one.
   *
   * @param sql the statement text
   * @param defaultSchemaPath where unqualified table names resolve, for example [tpch, tiny]
   * @throws QuiverException SYNTAX_ERROR, TABLE_NOT_FOUND, COLUMN_NOT_FOUND, ... with line and column
   */
  public PlannedStatement plan(String sql, List<String> defaultSchemaPath) {
    long start = System.nanoTime();
    Statement statement;
    try {
      statement = QuiverSqlParser.parse(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
    List<List<String>> schemaPaths = List.of(defaultSchemaPath, List.of());
    if (statement instanceof QueryStatement query) {
      return plan(query.query(), false, schemaPaths, start);
    }
    if (statement instanceof ExplainStatement explain && !explain.analyze()) {
      return plan(explain.query(), true, schemaPaths, start);
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "the query planner plans queries and EXPLAIN, not "
        + statement.getClass().getSimpleName());
  }

  /**
   * Plans a parsed query. The node is validated in place: plan each parse once.
   *
   * @param query a query as the parser read it (positions in the statement's text)
   * @param explain true to return the plans as text (EXPLAIN) instead of the plan to run
   * @param schemaPaths where unqualified names resolve, in order: schemas as [catalog, schema],
   *     catalogs as [catalog], the root as []
   * @throws QuiverException TABLE_NOT_FOUND, COLUMN_NOT_FOUND, ... with line and column
   */
  public PlannedStatement plan(SqlNode query, boolean explain, List<List<String>> schemaPaths) {
    return plan(query, explain, schemaPaths, System.nanoTime());
  }

  /**
   * The types of a parsed query's {@code ?} markers, as the validator infers them from where each
   * stands (JDBC's ParameterMetaData). The node is validated in place: use a parse of its own.
   *
   * @throws QuiverException a validation error, or where a marker's place does not say its type
   */
  public ParameterTypes parameterTypes(SqlNode query, List<List<String>> schemaPaths) {
    RelDataTypeFactory typeFactory = SqlAnalyzer.newTypeFactory();
    SearchPathCatalogReader catalogReader = analyzer.searchPathReader(schemaPaths, typeFactory);
    List<RelDataType> types;
    try {
      types = analyzer.parameterTypes(query, catalogReader, typeFactory);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
    List<Column> columns = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      columns.add(new Column("?" + (i + 1), TypeMapping.toDataType(types.get(i)), true));
    }
    return new ParameterTypes(columns, catalogReader.tablesRead());
  }

  private PlannedStatement plan(SqlNode query, boolean explain, List<List<String>> schemaPaths, long start) {
    RelDataTypeFactory typeFactory = SqlAnalyzer.newTypeFactory();
    VolcanoPlanner volcano = PhysicalPlanner.newPlanner(settings);
    RelOptCluster cluster = RelOptCluster.create(volcano, new RexBuilder(typeFactory));
    cluster.setMetadataProvider(QuiverMetadata.PROVIDER);
    SearchPathCatalogReader catalogReader = analyzer.searchPathReader(schemaPaths, typeFactory);
    AnalyzedQuery analyzed;
    try {
      analyzed = analyzer.analyze(query, catalogReader, cluster);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
    PlanningInterrupts.check();

    RelRoot root = analyzed.relRoot();
    try {
      RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
      RelNode rel = root.project();
      List<RecursiveStep> steps = new ArrayList<>();
      StringBuilder stepsText = new StringBuilder();
      if (RecursiveQueries.present(rel)) {
        RecursiveQueries.Extracted extracted = RecursiveQueries.extract(rel, UUID.randomUUID().toString(),
            settings.shufflePartitions(), relBuilder);
        rel = extracted.query();
        for (RecursiveQueries.Cte cte : extracted.ctes()) {
          Planned seed = planPart(cte.seed(), relBuilder, cluster, explain);
          Planned iteration = planPart(cte.iteration(), relBuilder, cluster, explain);
          steps.add(new RecursiveStep(cte.name(), seed.stagePlan(), iteration.stagePlan(),
              TypeMapping.toRowSchema(cte.result().getRowType(cluster.getTypeFactory())),
              handle(cte.work()), handle(cte.result())));
          if (explain) {
            stepsText.append("== Recursive query ").append(cte.name()).append(": seed ==\n")
                .append(seed.text()).append("== Recursive query ").append(cte.name())
                .append(": iteration (until it adds no rows) ==\n").append(iteration.text());
          }
        }
      }
      Planned planned = planPart(rel, relBuilder, cluster, explain);
      RowSchema resultSchema = resultSchema(analyzed.columnNames(), planned.physical().getRowType());
      long elapsed = System.nanoTime() - start;
      if (explain) {
        String text = stepsText + planned.text();
        return new PlannedStatement(PlannedStatement.Kind.EXPLAIN, planned.stagePlan(),
            new RowSchema(List.of(new Column("plan", DataType.VARCHAR, false))), text, elapsed, List.of(),
            planned.rowEstimates(), catalogReader.tablesRead());
      }
      return new PlannedStatement(PlannedStatement.Kind.QUERY, planned.stagePlan(), resultSchema, null, elapsed,
          steps, planned.rowEstimates(), catalogReader.tablesRead());
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      // Volcano wraps what a rule throws; a QuiverException inside is the real error.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof QuiverException quiver) {
          throw quiver;
        }
      }
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Planning failed: " + e, e);
    }
  }

  /** One planned query: its physical plan, its stages, and for EXPLAIN the three as text. */
  private record Planned(RelNode physical, StagePlan stagePlan, String text, RowEstimates rowEstimates) {
  }

  /** Logical rewrites, the support check, the cost-based phase and fragmenting of one query. */
  private Planned planPart(RelNode query, RelBuilder relBuilder, RelOptCluster cluster, boolean explain) {
    RelNode logical = LogicalRewriter.rewrite(query, relBuilder);
    SupportChecker.check(logical);
    PlanningInterrupts.check();
    String logicalText = explain ? explain(logical) : null;
    RelNode physical = PhysicalPlanner.optimize(logical);
    Fragmenter fragmenter = new Fragmenter(settings, cluster.getRexBuilder());
    StagePlan stagePlan = fragmenter.fragment(physical);
    String text = explain ? "== Logical Plan ==\n" + logicalText
        + "\n== Physical Plan ==\n" + explain(physical)
        + "\n== Stages (" + stagePlan.stages().size() + ") ==\n" + StagePlanPrinter.print(stagePlan) : null;
    return new Planned(physical, stagePlan, text, fragmenter.rowEstimates(stagePlan));
  }

  private static TableHandle handle(RecursionTable table) {
    return new TableHandle(table.connectorName(), table.schemaName(), table.tableName(), table.properties());
  }

  /**
   * Column names as the user wrote them, or as PostgreSQL names unnamed expressions
   * ({@link io.quiver.sql.analyze.ColumnNames}); types from the plan.
   */
  private static RowSchema resultSchema(List<String> names, RelDataType planned) {
    List<RelDataTypeField> types = planned.getFieldList();
    List<Column> columns = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      RelDataType type = types.get(i).getType();
      columns.add(new Column(names.get(i), TypeMapping.toDataType(type), type.isNullable()));
    }
    return new RowSchema(columns);
  }

  private static String explain(RelNode rel) {
    return RelOptUtil.toString(rel, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
  }
}
