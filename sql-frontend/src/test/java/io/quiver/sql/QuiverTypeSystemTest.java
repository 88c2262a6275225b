package io.quiver.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.sql.analyze.SqlAnalyzer;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result types of SQL expressions under Quiver's type system (the project's SQL semantics). */
class QuiverTypeSystemTest {

  private static final SchemaPlus ROOT = catalog();

  /** Schema s.t with i INTEGER, b BIGINT, sm SMALLINT, d DOUBLE, m DECIMAL(15, 2), n DECIMAL(30, 10). */
  private static SchemaPlus catalog() {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    SchemaPlus schema = root.add("s", new AbstractSchema());
    schema.add("t", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.builder()
            .add("i", SqlTypeName.INTEGER)
            .add("b", SqlTypeName.BIGINT)
            .add("sm", SqlTypeName.SMALLINT)
            .add("d", SqlTypeName.DOUBLE)
            .add("m", SqlTypeName.DECIMAL, 15, 2)
            .add("n", SqlTypeName.DECIMAL, 30, 10)
            .build();
      }
    });
    return root;
  }

  private static RelDataType typeOf(String expression, boolean grouped) {
    SqlAnalyzer analyzer = new SqlAnalyzer(ROOT);
    RelDataTypeFactory typeFactory = SqlAnalyzer.newTypeFactory();
    RelOptCluster cluster = RelOptCluster.create(new VolcanoPlanner(), new RexBuilder(typeFactory));
    String sql = "select " + expression + " from t" + (grouped ? " group by i" : "");
    RelRoot root = analyzer.toRel(QuiverSqlParser.parseQuery(sql),
        analyzer.catalogReader(List.of("s"), typeFactory), cluster);
    return root.validatedRowType.getFieldList().get(0).getType();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "1 # INTEGER NOT NULL",
      "3000000000 # BIGINT NOT NULL",
      "1.50 # DECIMAL(3, 2) NOT NULL",
      "1e0 # DOUBLE NOT NULL",
      "i / 2 # INTEGER NOT NULL",
      "i % 2 # INTEGER NOT NULL",
      "m + m # DECIMAL(16, 2) NOT NULL",
      "m - n # DECIMAL(31, 10) NOT NULL",
      "m + i # DECIMAL(16, 2) NOT NULL",
      "m + b # DECIMAL(22, 2) NOT NULL",
      "m * m # DECIMAL(30, 4) NOT NULL",
      // 40 integer digits and 20 fraction digits do not fit 38: integer digits first, scale >= 6 (Spark).
      "n * n # DECIMAL(38, 6) NOT NULL",
      // Quotients: scale max(6, s1 + p2 + 1, 18 where it fits), integer digits p1 - s1 + s2.
      "m / m # DECIMAL(33, 18) NOT NULL",
      "m / i # DECIMAL(31, 18) NOT NULL",
      "i / m # DECIMAL(30, 18) NOT NULL",
      "sum(m) / sum(m) # DECIMAL(38, 18)",
      "n / n # DECIMAL(38, 18) NOT NULL",
      "m * (1 - m) # DECIMAL(31, 4) NOT NULL",
      "count(*) # BIGINT NOT NULL",
      "count(m) # BIGINT NOT NULL",
  })
  void scalarTypes(String expression, String expected) {
    assertEquals(expected, typeOf(expression, false).getFullTypeString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "sum(i) # BIGINT NOT NULL",
      "sum(sm) # BIGINT NOT NULL",
      "sum(b) # BIGINT NOT NULL",
      "sum(m) # DECIMAL(38, 2) NOT NULL",
      "sum(d) # DOUBLE NOT NULL",
      "avg(i) # DOUBLE NOT NULL",
      "avg(m) # DECIMAL(19, 6) NOT NULL",
      "avg(n) # DECIMAL(34, 14) NOT NULL",
      "avg(d) # DOUBLE NOT NULL",
      "min(m) # DECIMAL(15, 2) NOT NULL",
      "max(d) # DOUBLE NOT NULL",
  })
  void aggregateTypes(String expression, String expected) {
    assertEquals(expected, typeOf(expression, true).getFullTypeString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "sum(i) # BIGINT",
      "avg(m) # DECIMAL(19, 6)",
      "count(*) # BIGINT NOT NULL",
  })
  void aggregatesWithoutGroupByAreNullableExceptCount(String expression, String expected) {
    assertEquals(expected, typeOf(expression, false).getFullTypeString());
  }
}
