package io.quiver.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;

/**
 * Quiver's calling convention. It lets the planner bridge two physical subsets that differ in
 * distribution with abstract converters, which {@code ExpandConversionRule} turns into exchanges
 * through {@link org.apache.calcite.rel.RelDistributionTraitDef}.
 */
public final class QuiverConvention extends Convention.Impl {

  public static final QuiverConvention INSTANCE = new QuiverConvention();

  private QuiverConvention() {
    super("QUIVER", QuiverRel.class);
  }

  @Override
  public boolean useAbstractConvertersForConversion(RelTraitSet fromTraits, RelTraitSet toTraits) {
    return true;
  }
}
