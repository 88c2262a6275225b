package io.quiver.exec.operator.join;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.expression.ExpressionCompiler;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.memory.Spillable;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.TaskMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hash join (see {@link HashJoinNode} for the contract). On its first call it runs its build
 * pipeline to the end (checking for cancellation between batches) into a {@link JoinHashTable}; then
 * it takes probe batches one at a time and a {@link JoinProbe} joins them with the table, emitting
 * the build rows no probe row matched (BUILD_OUTER, FULL_OUTER) after the probe input ends.
 *
 * <p>Memory: the build rows are the task's Arrow buffers and the table's index is charged to the
 * task before it is made. When the build rows may not grow (even after other consumers spilled, see
 * {@link BuildMemory}), or when the task asks the join to spill while its build side runs, the join
 * turns into a grace hash join ({@link SpilledJoin}): build and probe rows go to partition files in
 * the task's spill directory and are joined partition by partition. A join without keys, and NOT IN
 * with a residual condition, cannot partition: their build side fails with 53200 when it does not
 * fit, as does a single key whose rows alone exceed the limit.
 */
public final class HashJoinOperator implements Operator, Spillable {

  /** Passes in a row that move nothing before the build pipeline counts as stuck (an operator bug). */
  private static final int MAX_IDLE_BUILD_STEPS = 1_000_000;
  /** Pair chunks processed in one call when the residual condition rejects all of them. */
  private static final int MAX_CHUNKS_PER_CALL = 16;

  private final JoinType joinType;
  private final List<Integer> probeKeys;
  private final List<Integer> buildKeys;
  private final Schema probeSchema;
  private final Schema buildSchema;
  private final int chunkShift;
  private final BufferAllocator allocator;
  private final CancellationToken cancellation;
  private final TaskMemory memory;
  private final boolean ownsMemory;
  private final BuildMemory buildMemory;
  private final boolean buildOuter;
  private final JoinProbe prober;

  private OperatorPipeline buildPipeline;
  private HashBuildOperator buildSink;
  private boolean buildDone;
  private SpilledJoin spilled;

  private boolean finishing;
  private boolean finished;
  private boolean closed;

  /**
   * Builds the join operator of {@code node} with a memory of its own (tests, tools: it spills to the
   * temporary directory). It takes ownership of {@code buildOperators} (the operators that produce
   * the build rows, source first) and closes them, also when this throws.
   */
  public static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      int batchSize, CancellationToken cancellation) {
    return create(node, buildOperators, allocator, null, batchSize, cancellation, BuildRows.DEFAULT_CHUNK_SHIFT);
  }

  /** As above, for the task whose memory is {@code memory} (the join allocates from {@code allocator}). */
  public static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      TaskMemory memory, int batchSize, CancellationToken cancellation) {
    return create(node, buildOperators, allocator, memory, batchSize, cancellation, BuildRows.DEFAULT_CHUNK_SHIFT);
  }

  /** As above, with build chunks of {@code 2^chunkShift} rows (small ones let tests cross chunks). */
  static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      int batchSize, CancellationToken cancellation, int chunkShift) {
    return create(node, buildOperators, allocator, null, batchSize, cancellation, chunkShift);
  }

  /** As above; a null {@code memory} makes one of the join's own. */
  static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      TaskMemory memory, int batchSize, CancellationToken cancellation, int chunkShift) {
    List<Operator> pipeline = new ArrayList<>(buildOperators);
    VectorExpression residual = null;
    JoinProbe prober = null;
    try {
      if (node.residualCondition() != null) {
        residual = ExpressionCompiler.compile(node.residualCondition(), allocator);
      }
      prober = new JoinProbe(node.joinType(), node.probeKeys(), residual, node.probe().outputSchema().toArrowSchema(),
          node.build().outputSchema().toArrowSchema(), node.outputSchema().toArrowSchema(), allocator, batchSize);
      residual = null;
      return new HashJoinOperator(node, pipeline, prober, allocator, memory, Math.max(1, batchSize), cancellation,
          chunkShift);
    } catch (RuntimeException | Error e) {
      if (residual != null) {
        residual.close();
      }
      if (prober != null) {
        prober.close();
      }
      for (Operator operator : pipeline) {
        try {
          operator.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Adds the build sink to {@code pipeline} (which it then owns). */
  private HashJoinOperator(HashJoinNode node, List<Operator> pipeline, JoinProbe prober, BufferAllocator allocator,
      TaskMemory memory, int batchSize, CancellationToken cancellation, int chunkShift) {
    this.joinType = node.joinType();
    this.probeKeys = node.probeKeys();
    this.buildKeys = node.buildKeys();
    this.probeSchema = node.probe().outputSchema().toArrowSchema();
    this.buildSchema = node.build().outputSchema().toArrowSchema();
    this.chunkShift = chunkShift;
    this.allocator = allocator;
    this.cancellation = cancellation;
    this.prober = prober;
    this.ownsMemory = memory == null;
    this.memory = memory == null ? TaskMemory.standalone(allocator, new TaskMetrics()) : memory;
    this.buildOuter = joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
    boolean canSpill = SpilledJoin.canSpill(joinType, buildKeys.size(), node.residualCondition() != null);
    this.buildMemory = canSpill ? new BuildMemory(this.memory, this, buildKeys.size(), batchSize) : null;
    this.buildSink = new HashBuildOperator(buildSchema, allocator, chunkShift, buildMemory,
        () -> new JoinPartitionWriter(this.memory, "build", buildSchema, buildKeys, 0,
            joinType == JoinType.NULL_AWARE_ANTI, allocator));
    pipeline.add(buildSink);
    this.buildPipeline = new OperatorPipeline(pipeline);
    if (canSpill) {
      this.memory.register(this);
    }
  }

  @Override
  public String name() {
    return "the " + joinType + " hash join";
  }

  @Override
  public long spillableBytes() {
    return buildDone || closed || buildSink == null || !buildSink.canSpill() ? 0 : buildSink.heldBytes();
  }

  /** While the build side runs: its rows go to disk, and the join becomes a grace hash join. */
  @Override
  public long spill() {
    return buildDone || closed || buildSink == null ? 0 : buildSink.spill();
  }

  @Override
  public boolean needsInput() {
    return !closed && !finished && !finishing && buildDone && !prober.probing();
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    if (spilled != null) {
      spilled.addProbe(batch);
    } else {
      prober.addProbe(batch);
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed || finished) {
      return null;
    }
    if (!buildDone && !build()) {
      return null;
    }
    if (spilled != null) {
      if (finishing) {
        spilled.finishProbe();
      }
      VectorSchemaRoot output = spilled.next();
      if (output == null && spilled.isDone()) {
        finished = true;
      }
      return output;
    }
    for (int chunk = 0; chunk < MAX_CHUNKS_PER_CALL; chunk++) {
      if (prober.probing()) {
        VectorSchemaRoot output = prober.next();
        if (output != null) {
          return output;
        }
        continue;
      }
      if (finishing) {
        VectorSchemaRoot output = buildOuter ? prober.nextUnmatchedBuildRows() : null;
        if (output == null) {
          finished = true;
        }
        return output;
      }
      return null;
    }
    return null;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return closed || finished;
  }

  /** Runs the build pipeline to its end; false when the join turned out to have nothing to do. */
  private boolean build() {
    if (finishing && !buildOuter) {
      // the probe side is empty and no build row is emitted on its own: the build side is not needed
      finished = true;
      endBuild();
      return false;
    }
    int idle = 0;
    while (!buildPipeline.isFinished()) {
      cancellation.throwIfCancelled();
      // between the build pipeline's passes no operator is inside a call: another task may make one spill
      memory.spillIfRequested();
      if (buildPipeline.step()) {
        idle = 0;
      } else if (++idle > MAX_IDLE_BUILD_STEPS) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the build side of a " + joinType
            + " join made no progress");
      }
    }
    if (!buildSink.spilled() && buildMemory != null && !buildMemory.roomForIndex(buildSink.rowsHeld())) {
      // the rows fit, their index does not
      buildSink.spill();
    }
    if (buildSink.spilled()) {
      JoinPartitionWriter.Partitioned rows = buildSink.takeSpill();
      endBuild();
      spilled = new SpilledJoin(name(), joinType, buildKeys, probeKeys, buildSchema, probeSchema, chunkShift, rows,
          buildMemory, prober, allocator, cancellation);
      return true;
    }
    JoinHashTable table = JoinHashTable.build(buildSink.takeRows(), buildKeys);
    endBuild();
    prober.load(table);
    if (table.rowCount() == 0
        && (joinType == JoinType.INNER || joinType == JoinType.SEMI || joinType == JoinType.BUILD_OUTER)) {
      finished = true;
      return false;
    }
    return true;
  }

  private void endBuild() {
    buildDone = true;
    memory.unregister(this);
    OperatorPipeline pipeline = buildPipeline;
    buildPipeline = null;
    buildSink = null;
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    memory.unregister(this);
    SpilledJoin spill = spilled;
    OperatorPipeline pipeline = buildPipeline;
    spilled = null;
    buildPipeline = null;
    buildSink = null;
    try {
      prober.close();
    } finally {
      try {
        if (spill != null) {
          spill.close();
        }
      } finally {
        try {
          if (pipeline != null) {
            pipeline.close();
          }
        } finally {
          if (ownsMemory) {
            memory.close();
          }
        }
      }
    }
  }
}
