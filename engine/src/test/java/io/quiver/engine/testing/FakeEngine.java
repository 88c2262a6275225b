package io.quiver.engine.testing;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.driver.StatementPlanner;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.result.RowsResult;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.planner.PlannedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.calcite.sql.SqlNode;

/**
 * A real {@link LocalQuiver} whose planner and tasks are hand-written: statements are parsed as
 * usual, the queries are looked up by their text, and every task runs {@link #tasks}.
 *
 * <ul>
 *   <li>{@code EXPLAIN ...}: an EXPLAIN whose plan text is {@link #EXPLAIN_TEXT};
 *   <li>a query holding {@code 'planner crash'}: a NullPointerException;
 *   <li>anything else: a query planned as {@link #plan}, with one BIGINT column {@code n}.
 * </ul>
 */
public final class FakeEngine implements AutoCloseable {

  public static final String EXPLAIN_TEXT = "Result\n  Exchange\n    Values";

  /** The search path of every query planned, in order. */
  public final List<List<List<String>>> plannedSearchPaths = new CopyOnWriteArrayList<>();
  public volatile TaskInvoker tasks = (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 3, 10);
  public volatile StagePlan plan = TestPlans.plan().stage(0, 3).result(1, 2, 0);
  public final LocalQuiver quiver;

  public FakeEngine() {
    this(new QuiverConfig(2, 2, 1024, Long.MAX_VALUE));
  }

  public FakeEngine(QuiverConfig config) {
    StatementPlanner planner = this::plan;
    this.quiver = new LocalQuiver(config, (rootSchema, settings) -> planner,
        (fragment, context) -> tasks.invoke(fragment, context));
  }

  private PlannedStatement plan(SqlNode query, boolean explain, List<List<String>> schemaPaths) {
    plannedSearchPaths.add(schemaPaths);
    if (explain) {
      return new PlannedStatement(PlannedStatement.Kind.EXPLAIN, null, RowsResult.EXPLAIN_SCHEMA, EXPLAIN_TEXT, 1);
    }
    if (query.toString().contains("'planner crash'")) {
      throw new NullPointerException("planner bug");
    }
    StagePlan planned = plan;
    return new PlannedStatement(PlannedStatement.Kind.QUERY, planned, planned.resultStage().root().outputSchema(),
        null, 1);
  }

  @Override
  public void close() {
    quiver.close();
  }
}
