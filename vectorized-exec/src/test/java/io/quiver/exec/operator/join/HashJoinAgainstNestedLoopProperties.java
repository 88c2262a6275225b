package io.quiver.exec.operator.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.JoinType;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.RootAllocator;

/**
 * A hash join equals a nested-loop join over random inputs: NULL keys, duplicate keys, skew, an
 * empty side, one or two keys, with and without a residual condition, every join type and batch size.
 */
class HashJoinAgainstNestedLoopProperties {

  @Provide
  Arbitrary<List<List<Object>>> sides() {
    // keys from a small range (duplicates), skewed towards 0
    Arbitrary<Object> key = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just((Object) 0L)),
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(-4, 8).map(v -> (Object) v)))
        .injectNull(0.1);
    Arbitrary<Object> name = Arbitraries.of("a", "b", "a longer name").map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> value = Arbitraries.longs().between(0, 20).map(v -> (Object) v).injectNull(0.1);
    return Combinators.combine(key, name, value).as((k, n, v) -> Arrays.asList(k, n, v)).list().ofMaxSize(60);
  }

  @Property(tries = 300)
  void hashJoinEqualsNestedLoopJoin(@ForAll("sides") List<List<Object>> probe,
      @ForAll("sides") List<List<Object>> build, @ForAll JoinType type, @ForAll boolean twoKeys,
      @ForAll boolean withResidual, @ForAll @IntRange(min = 1, max = 17) int batchSize) {
    boolean residual = withResidual && type != JoinType.NULL_AWARE_ANTI;
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> actual = JoinTestSupport.hashJoin(allocator, probe, build, type, twoKeys, residual,
          batchSize);
      List<List<Object>> expected = JoinTestSupport.nestedLoopJoin(probe, build, type, twoKeys, residual);
      assertEquals(JoinTestSupport.canonical(expected), JoinTestSupport.canonical(actual));
    }
  }
}
