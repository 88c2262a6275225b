package io.quiver.planner.recursive;

import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.RowSchema;

/**
 * One recursive common table expression, as the driver runs it before the query that reads it:
 * the seed's job fills the result table and the working table; then the iteration's job, which
 * reads the working table (and, for UNION, the result table to leave out rows already there), runs
 * again and again, each time adding its rows to the result table and making them the working
 * table, until it adds none.
 *
 * @param name the query name in the SQL (for messages)
 * @param seed the non-recursive part (for UNION: its distinct rows)
 * @param iteration the recursive part over the working table (for UNION: its distinct rows not yet
 *     in the result table)
 * @param schema the columns of both tables
 * @param workTable the rows the last run added
 * @param resultTable every row so far; the query after the steps reads it in place of the CTE
 */
public record RecursiveStep(String name, StagePlan seed, StagePlan iteration, RowSchema schema,
    TableHandle workTable, TableHandle resultTable) {
}
