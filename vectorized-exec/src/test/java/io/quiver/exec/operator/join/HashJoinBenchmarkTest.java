package io.quiver.exec.operator.join;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Probe throughput of the hash join on 1M probe rows against 100K build rows with BIGINT keys. Off
 * by default; run with {@code -Dquiver.benchmark=true}. Prints its measurements, asserts nothing
 * about time.
 */
class HashJoinBenchmarkTest {

  private static final RowSchema PROBE = TestTables.schema("k", DataType.BIGINT, "v", DataType.BIGINT);
  private static final RowSchema BUILD = TestTables.schema("bk", DataType.BIGINT, "w", DataType.BIGINT);
  private static final int BATCH = 1024;

  @Test
  void probeOneMillionRowsAgainstOneHundredThousand() {
    assumeTrue(Boolean.getBoolean("quiver.benchmark"), "benchmark runs only with -Dquiver.benchmark=true");
    for (JoinType type : new JoinType[] {JoinType.valueOf(System.getProperty("quiver.benchmark.join", "INNER"))}) {
      for (int run = 0; run < Integer.getInteger("quiver.benchmark.runs", 6); run++) {
        measure(type, run);
      }
    }
  }

  private static void measure(JoinType type, int run) {
    try (RootAllocator allocator = new RootAllocator()) {
      Random random = new Random(run);
      List<VectorSchemaRoot> build = new ArrayList<>();
      for (int start = 0; start < 100_000; start += BATCH) {
        int rows = Math.min(BATCH, 100_000 - start);
        build.add(batch(allocator, BUILD, rows, i -> (long) i, start));
      }
      List<VectorSchemaRoot> probe = new ArrayList<>();
      for (int start = 0; start < 1_000_000; start += BATCH) {
        int rows = Math.min(BATCH, 1_000_000 - start);
        // 90% of probe keys have a match
        probe.add(batch(allocator, PROBE, rows, i -> (long) random.nextInt(111_111), start));
      }
      List<Column> columns = new ArrayList<>(PROBE.columns());
      if (!type.probeColumnsOnly()) {
        columns.addAll(BUILD.columns());
      }
      HashJoinNode node = new HashJoinNode(new ValuesNode(List.of(), PROBE), new ValuesNode(List.of(), BUILD), type,
          List.of(0), List.of(0), null, new RowSchema(columns));
      long buildStart = System.nanoTime();
      try (HashJoinOperator join = HashJoinOperator.create(node, List.of(new ListSourceOperator(build)), allocator,
          BATCH, new CancellationToken())) {
        join.getOutput();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long probeStart = System.nanoTime();
        long probeCpuStart = threads.getCurrentThreadCpuTime();
        long outputRows = 0;
        for (VectorSchemaRoot batch : probe) {
          join.addInput(batch);
          VectorSchemaRoot output;
          while ((output = join.getOutput()) != null || !join.needsInput()) {
            if (output != null) {
              outputRows += output.getRowCount();
              output.close();
            }
          }
        }
        long end = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime() - probeCpuStart;
        // CPU time as well as wall time: the machine is shared, so wall time overstates the cost
        System.out.printf("%s run %d: build %.1f ms, probe %.1f ms wall / %.1f ms cpu, %.1f M probe rows/s wall,"
            + " %.1f M probe rows/s cpu, %d output rows%n", type, run, (probeStart - buildStart) / 1e6,
            (end - probeStart) / 1e6, cpu / 1e6, 1_000_000 / ((end - probeStart) / 1e9) / 1e6,
            1_000_000 / (cpu / 1e9) / 1e6, outputRows);
      }
    }
  }

  private static VectorSchemaRoot batch(RootAllocator allocator, RowSchema schema, int rows,
      java.util.function.IntToLongFunction key, int start) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
    BigIntVector keys = (BigIntVector) batch.getVector(0);
    BigIntVector values = (BigIntVector) batch.getVector(1);
    keys.allocateNew(rows);
    values.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      keys.set(i, key.applyAsLong(start + i));
      values.set(i, start + i);
    }
    batch.setRowCount(rows);
    return batch;
  }
}
