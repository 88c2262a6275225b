package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.type.Column;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Unnamed result columns are named as PostgreSQL names them, never Calcite's EXPR$n. */
class ResultColumnNamesTest {

  private static List<String> names(String sql) {
    return PlanTesting.plan(sql).resultSchema().columns().stream().map(Column::name)
        .collect(Collectors.toList());
  }

  @Test
  void aggregatesAreNamedAfterTheirFunction() {
    assertEquals(List.of("o_orderstatus", "count", "sum", "avg", "min", "max", "count"),
        names("select o_orderstatus, count(*), sum(o_totalprice), avg(o_totalprice),"
            + " min(o_orderdate), max(o_orderdate), count(distinct o_custkey) from orders"
            + " group by o_orderstatus"));
  }

  @Test
  void functionsCastsCaseAndOperators() {
    // Calcite's validator rewrites COALESCE into CASE before names are given: it is named "case".
    assertEquals(List.of("?column?", "?column?", "upper", "substring", "o_orderkey", "case",
            "case"),
        names("select o_totalprice + 1, 1, upper(o_comment), substring(o_comment from 1 for 2),"
            + " cast(o_orderkey as integer), case when o_totalprice > 10 then 1 else 0 end,"
            + " coalesce(o_comment, 'x') from orders"));
  }

  @Test
  void aliasesAndColumnsKeepTheirNames() {
    assertEquals(List.of("n", "o_orderkey", "total"),
        names("select count(*) as n, o_orderkey, sum(o_totalprice) total from orders group by o_orderkey"));
  }

  @Test
  void namesLookThroughOrderByWithAndUnion() {
    assertEquals(List.of("count"), names("select count(*) from orders order by 1 limit 5"));
    assertEquals(List.of("?column?"), names("with t as (select 1 as x) select x + 1 from t"));
    assertEquals(List.of("?column?", "lower"),
        names("select 1, lower(n_name) from nation union all select 2, r_name from region"));
  }

  @Test
  void valuesColumnsAreNumbered() {
    assertEquals(List.of("column1", "column2"), names("values (1, 'a'), (2, 'b')"));
  }
}
