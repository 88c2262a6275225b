package io.quiver.planner.physical;

import com.google.common.collect.ImmutableList;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.planner.fragment.ExpressionConverter;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** Constant rows, produced by one partition: SINGLETON distribution. */
public final class QuiverValues extends Values implements QuiverRel {

  public QuiverValues(RelOptCluster cluster, RelDataType rowType,
      ImmutableList<ImmutableList<RexLiteral>> tuples, RelTraitSet traitSet) {
    super(cluster, rowType, tuples, traitSet);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverValues(getCluster(), getRowType(), tuples, traitSet);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    List<List<Literal>> rows = new ArrayList<>(tuples.size());
    for (List<RexLiteral> tuple : tuples) {
      List<Literal> row = new ArrayList<>(tuple.size());
      for (int i = 0; i < tuple.size(); i++) {
        row.add(asColumnType(ExpressionConverter.literal(tuple.get(i)),
            TypeMapping.toDataType(getRowType().getFieldList().get(i).getType())));
      }
      rows.add(row);
    }
    return new FragmentPiece(new ValuesNode(rows, TypeMapping.toRowSchema(getRowType())), 0, List.of());
  }

  /** A literal takes its column's type (VALUES (1), (NULL) has one INTEGER column). */
  private static Literal asColumnType(Literal literal, DataType columnType) {
    if (literal.type().equals(columnType)) {
      return literal;
    }
    if (literal.isNull()) {
      return Literal.nullOf(columnType);
    }
    if (columnType.kind() == TypeKind.DECIMAL && literal.type().isNumeric()) {
      return new Literal(new BigDecimal(literal.text()).setScale(columnType.scale(), RoundingMode.HALF_UP)
          .toPlainString(), columnType);
    }
    if (columnType.kind() == TypeKind.DOUBLE && literal.type().isNumeric()) {
      return Literal.ofDouble(new BigDecimal(literal.text()).doubleValue());
    }
    if (columnType.isInteger() && literal.type().isInteger() || columnType.isText() && literal.type().isText()
        || columnType.kind() == literal.type().kind()) {
      return new Literal(literal.text(), columnType);
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "VALUES literal " + literal + " in a column of type " + columnType);
  }
}
