package io.quiver.planner.recursive;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.tools.RelBuilder;

/**
 * Takes the recursive common table expressions out of a query: each {@link RepeatUnion} (Calcite's
 * form of {@code WITH RECURSIVE}, innermost first) becomes a scan of its result table, and its seed
 * and iteration become plans of their own, the iteration reading the working table where it read
 * the CTE. For UNION (not ALL), the seed keeps its distinct rows and the iteration its distinct
 * rows not yet in the result table (an EXCEPT, planned like any other), so that the iterations stop
 * once nothing new appears.
 */
public final class RecursiveQueries {

  /**
   * One extracted recursive CTE, still logical.
   *
   * @param iteration reads {@code work} (and, for UNION, {@code result})
   */
  public record Cte(String name, RelNode seed, RelNode iteration, RecursionTable work, RecursionTable result) {
  }

  /** The query with each recursive CTE replaced by a scan of its result table, and the CTEs in run order. */
  public record Extracted(RelNode query, List<Cte> ctes) {
  }

  private final String queryToken;
  private final int splitCount;
  private final RelBuilder relBuilder;
  private final List<Cte> ctes = new ArrayList<>();

  private RecursiveQueries(String queryToken, int splitCount, RelBuilder relBuilder) {
    this.queryToken = queryToken;
    this.splitCount = splitCount;
    this.relBuilder = relBuilder;
  }

  /** True when the plan has a recursive CTE. */
  public static boolean present(RelNode rel) {
    if (rel instanceof RepeatUnion) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(RecursiveQueries::present);
  }

  /**
   * @param queryToken unique per planned statement
   * @param splitCount how many splits scans of the tables read
   */
  public static Extracted extract(RelNode query, String queryToken, int splitCount, RelBuilder relBuilder) {
    RecursiveQueries extraction = new RecursiveQueries(queryToken, splitCount, relBuilder);
    RelNode rewritten = extraction.rewrite(query);
    return new Extracted(rewritten, List.copyOf(extraction.ctes));
  }

  private RelNode rewrite(RelNode rel) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode rewritten = rewrite(input);
      inputs.add(rewritten);
      changed |= rewritten != input;
    }
    RelNode current = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    if (current instanceof RepeatUnion repeat) {
      return extractOne(repeat);
    }
    return current;
  }

  private RelNode extractOne(RepeatUnion repeat) {
    RelOptCluster cluster = repeat.getCluster();
    RelNode seed = unspool(repeat.getSeedRel());
    RelNode iterative = unspool(repeat.getIterativeRel());
    List<String> cteTable = repeat.getTransientTable() == null ? List.of()
        : repeat.getTransientTable().getQualifiedName();
    String name = cteTable.isEmpty() ? "cte" : cteTable.get(cteTable.size() - 1);
    int id = ctes.size();
    RecursionTable work = new RecursionTable(queryToken, "cte" + id + "_work", repeat.getRowType(), splitCount);
    RecursionTable result = new RecursionTable(queryToken, "cte" + id + "_result", repeat.getRowType(), splitCount);
    RelNode iteration = replaceScans(iterative, cteTable, scan(cluster, work, name));
    if (iteration == iterative) {
      throw new QuiverException(ErrorCode.INVALID_RECURSION, "the recursive part of " + name
          + " does not read " + name);
    }
    // Both parts deliver the CTE's column types (the tables hold one type per column).
    seed = relBuilder.push(seed).convert(repeat.getRowType(), false).build();
    iteration = relBuilder.push(iteration).convert(repeat.getRowType(), false).build();
    if (!repeat.all) {
      seed = relBuilder.push(seed).distinct().build();
      iteration = relBuilder.push(iteration).push(scan(cluster, result, name)).minus(false).build();
    }
    ctes.add(new Cte(name, seed, iteration, work, result));
    return scan(cluster, result, name);
  }

  private static RelNode unspool(RelNode rel) {
    return rel instanceof TableSpool spool ? spool.getInput() : rel;
  }

  private static RelNode scan(RelOptCluster cluster, RecursionTable table, String cteName) {
    RelOptTable relOptTable = RelOptTableImpl.create(null, table.getRowType(cluster.getTypeFactory()), table,
        com.google.common.collect.ImmutableList.of(RecursionTable.CONNECTOR, cteName, table.tableName()));
    return LogicalTableScan.create(cluster, relOptTable, List.of());
  }

  /** {@code rel} with every scan of the transient table {@code names} replaced by {@code replacement}. */
  private static RelNode replaceScans(RelNode rel, List<String> names, RelNode replacement) {
    if (rel instanceof TableScan scan && scan.getTable().getQualifiedName().equals(names)) {
      return replacement;
    }
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode replaced = replaceScans(input, names, replacement);
      inputs.add(replaced);
      changed |= replaced != input;
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }
}
