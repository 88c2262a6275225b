package io.quiver.exec.operator.join;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.expression.ExpressionCompiler;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.task.CancellationToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The probe side of a hash join (see {@link HashJoinNode} for the contract). On its first call it
 * runs its build pipeline to the end (checking for cancellation between batches) into a
 * {@link JoinHashTable}; then it takes probe batches one at a time. For each probe batch it walks the
 * matching build rows of every probe row, collecting (probe row, build row) pairs until
 * {@code batchSize} of them, gathers them into a batch, evaluates the residual condition over it,
 * and hands the passing pairs on; a probe row with many matches thus spreads over several calls.
 * After the pairs it emits the probe rows the join type asks for (unmatched ones for outer joins,
 * matched or unmatched ones for SEMI and ANTI). Build rows no probe row matched (BUILD_OUTER,
 * FULL_OUTER) are tracked in a bitmap and emitted after the probe input ends.
 */
public final class HashJoinOperator implements Operator {

  /** Passes in a row that move nothing before the build pipeline counts as stuck (an operator bug). */
  private static final int MAX_IDLE_BUILD_STEPS = 1_000_000;
  /** Pair chunks processed in one call when the residual condition rejects all of them. */
  private static final int MAX_CHUNKS_PER_CALL = 16;

  private static final int START = 0;
  private static final int CHAIN = 1;
  private static final int NULL_KEY_ROWS = 2;
  private static final int ALL_ROWS = 3;

  private final JoinType joinType;
  private final List<Integer> probeKeys;
  private final List<Integer> buildKeys;
  private final VectorExpression residual;
  private final Schema outputSchema;
  private final Schema candidateSchema;
  private final int probeColumns;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final CancellationToken cancellation;
  private final boolean probeOuter;
  private final boolean buildOuter;
  private final boolean probeOnly;

  private OperatorPipeline buildPipeline;
  private HashBuildOperator buildSink;
  private JoinHashTable table;
  private long[] buildMatched;
  private int buildOuterCursor;

  private VectorSchemaRoot probe;
  private int probeRows;
  private boolean pairsDone;
  private int cursorRow;
  private int cursorMode;
  private int cursorBuild;
  private int emitCursor;
  private boolean[] probeMatched = new boolean[0];

  private final int[] pairProbe;
  private final int[] pairBuild;
  private final int[] selection;

  private boolean finishing;
  private boolean finished;
  private boolean closed;

  /**
   * Builds the join operator of {@code node}. It takes ownership of {@code buildOperators} (the
   * operators that produce the build rows, source first) and closes them, also when this throws.
   */
  public static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      int batchSize, CancellationToken cancellation) {
    return create(node, buildOperators, allocator, batchSize, cancellation, BuildRows.DEFAULT_CHUNK_SHIFT);
  }

  /** As above, with build chunks of {@code 2^chunkShift} rows (small ones let tests cross chunks). */
  static HashJoinOperator create(HashJoinNode node, List<Operator> buildOperators, BufferAllocator allocator,
      int batchSize, CancellationToken cancellation, int chunkShift) {
    List<Operator> pipeline = new ArrayList<>(buildOperators);
    VectorExpression residual = null;
    try {
      HashBuildOperator sink = new HashBuildOperator(node.build().outputSchema().toArrowSchema(), allocator,
          chunkShift);
      pipeline.add(sink);
      if (node.residualCondition() != null) {
        residual = ExpressionCompiler.compile(node.residualCondition(), allocator);
      }
      return new HashJoinOperator(node, new OperatorPipeline(pipeline), sink, residual, allocator, batchSize,
          cancellation);
    } catch (RuntimeException | Error e) {
      if (residual != null) {
        residual.close();
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

  private HashJoinOperator(HashJoinNode node, OperatorPipeline buildPipeline, HashBuildOperator buildSink,
      VectorExpression residual, BufferAllocator allocator, int batchSize, CancellationToken cancellation) {
    this.joinType = node.joinType();
    this.probeKeys = node.probeKeys();
    this.buildKeys = node.buildKeys();
    this.residual = residual;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.cancellation = cancellation;
    this.buildPipeline = buildPipeline;
    this.buildSink = buildSink;
    this.probeOuter = joinType == JoinType.PROBE_OUTER || joinType == JoinType.FULL_OUTER;
    this.buildOuter = joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
    this.probeOnly = joinType.probeColumnsOnly();
    Schema probeSchema = node.probe().outputSchema().toArrowSchema();
    Schema buildSchema = node.build().outputSchema().toArrowSchema();
    this.probeColumns = probeSchema.getFields().size();
    this.outputSchema = node.outputSchema().toArrowSchema();
    int expected = probeColumns + (probeOnly ? 0 : buildSchema.getFields().size());
    if (outputSchema.getFields().size() != expected) {
      throw new IllegalArgumentException(joinType + " join output has " + outputSchema.getFields().size()
          + " columns, expected " + expected);
    }
    List<Field> joined = new ArrayList<>(probeSchema.getFields());
    joined.addAll(buildSchema.getFields());
    this.candidateSchema = probeOnly ? new Schema(joined) : outputSchema;
    this.pairProbe = new int[this.batchSize];
    this.pairBuild = new int[this.batchSize];
    this.selection = new int[this.batchSize];
  }

  @Override
  public boolean needsInput() {
    return !closed && !finished && !finishing && table != null && probe == null;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    probe = batch;
    probeRows = batch.getRowCount();
    pairsDone = false;
    cursorRow = 0;
    cursorMode = START;
    emitCursor = 0;
    if (probeMatched.length < probeRows) {
      probeMatched = new boolean[Math.max(probeRows, batchSize)];
    } else {
      Arrays.fill(probeMatched, 0, probeRows, false);
    }
    table.loadProbe(batch, probeKeys);
    if (probeOnly && residual == null) {
      markExistingMatches();
      pairsDone = true;
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed || finished) {
      return null;
    }
    if (table == null && !build()) {
      return null;
    }
    for (int chunk = 0; chunk < MAX_CHUNKS_PER_CALL; chunk++) {
      if (probe != null) {
        VectorSchemaRoot output = pairsDone ? emitProbeRows() : nextPairs();
        if (output != null) {
          return output;
        }
        continue;
      }
      if (finishing) {
        VectorSchemaRoot output = buildOuter ? emitUnmatchedBuildRows() : null;
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

  // ---- build ----

  /** Runs the build pipeline to its end; false when the join turned out to have nothing to do. */
  private boolean build() {
    if (finishing && probe == null && !buildOuter) {
      // the probe side is empty and no build row is emitted on its own: the build side is not needed
      finished = true;
      closeBuildPipeline();
      return false;
    }
    int idle = 0;
    while (!buildPipeline.isFinished()) {
      cancellation.throwIfCancelled();
      if (buildPipeline.step()) {
        idle = 0;
      } else if (++idle > MAX_IDLE_BUILD_STEPS) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the build side of a " + joinType
            + " join made no progress");
      }
    }
    table = JoinHashTable.build(buildSink.takeRows(), buildKeys);
    closeBuildPipeline();
    if (buildOuter) {
      buildMatched = new long[(table.rowCount() + 63) >>> 6];
    }
    if (table.rowCount() == 0
        && (joinType == JoinType.INNER || joinType == JoinType.SEMI || joinType == JoinType.BUILD_OUTER)) {
      finished = true;
      return false;
    }
    return true;
  }

  private void closeBuildPipeline() {
    OperatorPipeline pipeline = buildPipeline;
    buildPipeline = null;
    buildSink = null;
    if (pipeline != null) {
      pipeline.close();
    }
  }

  // ---- probe ----

  /** SEMI, ANTI and NULL_AWARE_ANTI without a residual condition: one existence check per probe row. */
  private void markExistingMatches() {
    boolean buildEmpty = table.rowCount() == 0;
    if (table.keyCount() == 0) {
      Arrays.fill(probeMatched, 0, probeRows, !buildEmpty);
      return;
    }
    if (joinType == JoinType.NULL_AWARE_ANTI && !buildEmpty) {
      if (table.nullKeyRows().length > 0) {
        // x NOT IN (..., NULL, ...) is never TRUE
        Arrays.fill(probeMatched, 0, probeRows, true);
        return;
      }
      for (int row = 0; row < probeRows; row++) {
        probeMatched[row] = table.probeKeyIsNull(row) || table.hasMatch(row);
      }
      return;
    }
    for (int row = 0; row < probeRows; row++) {
      probeMatched[row] = table.hasMatch(row);
    }
  }

  /**
   * Collects the next pairs of the current probe batch, evaluates the residual condition on them and
   * returns the output they make, or null (none passed, or the join type emits probe rows later).
   */
  private VectorSchemaRoot nextPairs() {
    int count = collectPairs();
    if (count == 0) {
      return null;
    }
    if (residual == null) {
      markMatches(count);
      return probeOnly ? null : JoinOutput.gather(outputSchema, probe, probeColumns, pairProbe, table.rows(), true,
          pairBuild, count, allocator);
    }
    VectorSchemaRoot candidates = JoinOutput.gather(candidateSchema, probe, probeColumns, pairProbe, table.rows(),
        true, pairBuild, count, allocator);
    try {
      int selected;
      FieldVector result = residual.evaluate(candidates);
      try {
        selected = JoinOutput.selectTrue(result, count, selection);
      } finally {
        if (!JoinOutput.isColumnOf(candidates, result)) {
          result.close();
        }
      }
      for (int i = 0; i < selected; i++) {
        pairProbe[i] = pairProbe[selection[i]];
        pairBuild[i] = pairBuild[selection[i]];
      }
      markMatches(selected);
      if (probeOnly || selected == 0) {
        return null;
      }
      if (selected == count) {
        VectorSchemaRoot output = candidates;
        candidates = null;
        return output;
      }
      return RowCopier.copyRows(candidates, selection, 0, selected, allocator);
    } finally {
      if (candidates != null) {
        candidates.close();
      }
    }
  }

  /**
   * Fills the pair arrays with up to {@code batchSize} (probe row, build row) candidates, resuming
   * where the previous call stopped; sets {@link #pairsDone} when the probe batch is exhausted.
   */
  private int collectPairs() {
    int count = 0;
    int capacity = batchSize;
    int buildRows = table.rowCount();
    boolean keyed = table.keyCount() > 0;
    boolean nullAware = joinType == JoinType.NULL_AWARE_ANTI;
    while (cursorRow < probeRows) {
      int row = cursorRow;
      if (cursorMode == START) {
        if (probeOnly && probeMatched[row]) {
          // a SEMI or ANTI probe row's outcome is settled by its first passing pair
          cursorRow++;
          continue;
        }
        if (!keyed) {
          cursorMode = ALL_ROWS;
          cursorBuild = 0;
        } else if (table.probeKeyIsNull(row)) {
          if (!nullAware) {
            cursorRow++;
            continue;
          }
          // NOT IN: a NULL probe key is unknown against every build row the condition selects
          cursorMode = ALL_ROWS;
          cursorBuild = 0;
        } else {
          cursorMode = CHAIN;
          cursorBuild = table.firstMatch(row);
        }
      }
      if (cursorMode == CHAIN) {
        while (cursorBuild >= 0) {
          if (count == capacity) {
            return count;
          }
          pairProbe[count] = row;
          pairBuild[count++] = cursorBuild;
          cursorBuild = table.nextMatch(row, cursorBuild);
        }
        if (!nullAware) {
          nextRow();
          continue;
        }
        cursorMode = NULL_KEY_ROWS;
        cursorBuild = 0;
      }
      if (cursorMode == NULL_KEY_ROWS) {
        int[] nullKeyRows = table.nullKeyRows();
        while (cursorBuild < nullKeyRows.length) {
          if (count == capacity) {
            return count;
          }
          pairProbe[count] = row;
          pairBuild[count++] = nullKeyRows[cursorBuild++];
        }
        nextRow();
        continue;
      }
      while (cursorBuild < buildRows) {
        if (count == capacity) {
          return count;
        }
        pairProbe[count] = row;
        pairBuild[count++] = cursorBuild++;
      }
      nextRow();
    }
    pairsDone = true;
    return count;
  }

  private void nextRow() {
    cursorRow++;
    cursorMode = START;
  }

  private void markMatches(int count) {
    if (probeOuter || probeOnly) {
      for (int i = 0; i < count; i++) {
        probeMatched[pairProbe[i]] = true;
      }
    }
    if (buildOuter) {
      for (int i = 0; i < count; i++) {
        int row = pairBuild[i];
        buildMatched[row >>> 6] |= 1L << row;
      }
    }
  }

  /**
   * After the pairs of a probe batch: its unmatched rows (outer joins) or its selected rows (SEMI,
   * ANTI), at most {@code batchSize} per call; releases the batch when none are left.
   */
  private VectorSchemaRoot emitProbeRows() {
    if (probeOuter || probeOnly) {
      boolean wanted = joinType == JoinType.SEMI;
      if (probeOnly && emitCursor == 0 && probeRows <= batchSize && allMatchedAre(wanted)) {
        // every row is selected: pass the batch on as it is
        VectorSchemaRoot output = Batches.withFields(probe, outputSchema.getFields(), allocator);
        probe = null;
        return output;
      }
      int count = 0;
      while (emitCursor < probeRows && count < batchSize) {
        if (probeMatched[emitCursor] == wanted) {
          selection[count++] = emitCursor;
        }
        emitCursor++;
      }
      if (count > 0) {
        return JoinOutput.gather(outputSchema, probe, probeColumns, selection, table.rows(), !probeOnly, null,
            count, allocator);
      }
    }
    releaseProbe();
    return null;
  }

  private boolean allMatchedAre(boolean value) {
    for (int row = 0; row < probeRows; row++) {
      if (probeMatched[row] != value) {
        return false;
      }
    }
    return true;
  }

  private void releaseProbe() {
    if (probe != null) {
      probe.close();
      probe = null;
    }
  }

  /** BUILD_OUTER and FULL_OUTER: build rows no probe row matched, after the probe side ended. */
  private VectorSchemaRoot emitUnmatchedBuildRows() {
    int rows = table.rowCount();
    int count = 0;
    while (buildOuterCursor < rows && count < batchSize) {
      int row = buildOuterCursor++;
      if ((buildMatched[row >>> 6] & (1L << row)) == 0) {
        pairBuild[count++] = row;
      }
    }
    if (count == 0) {
      return null;
    }
    return JoinOutput.gather(outputSchema, null, probeColumns, null, table.rows(), true, pairBuild, count,
        allocator);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    AutoCloseable[] resources = {probe, table, buildPipeline, residual};
    probe = null;
    table = null;
    buildPipeline = null;
    buildSink = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
