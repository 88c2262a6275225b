package io.quiver.exec.operator.join;

import io.quiver.exec.batch.BooleanSelection;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.OperatorState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Equi-join by hashing (see {@link HashJoinNode}). First it drains its build pipeline into a
 * {@link JoinHashTable} (a few build batches per call, while it needs no probe input); then each
 * probe batch is matched against the table and the joined rows come out in batches of at most
 * {@code batchSize} rows: matching pairs (filtered by the residual condition when there is one),
 * then, per join type, the probe rows without a partner (outer, anti) or with one (semi). Build rows
 * no probe row matched come out last for build-outer and full joins.
 */
public final class HashJoinOperator implements Operator {

  /** Build batches taken per call, so that a call stays about one batch of work. */
  private static final int MAX_BUILD_STEPS_PER_CALL = 64;

  private final JoinType joinType;
  private final List<Integer> probeKeys;
  private final VectorExpression residual;
  private final Schema outputSchema;
  private final Schema pairSchema;
  private final int probeColumnCount;
  private final int buildColumnCount;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final JoinHashTable table;
  private OperatorPipeline build;
  private boolean built;
  private boolean finishing;
  private boolean closed;
  private boolean[] buildMatched;
  private ProbeBatch current;
  private int[] unmatchedBuild;
  private int unmatchedBuildCursor;
  private int[] selection = new int[0];

  /**
   * @param build the pipeline producing the build rows; the operator owns and closes it
   * @param residual the compiled residual condition or null; the operator owns and closes it
   */
  public HashJoinOperator(HashJoinNode node, OperatorPipeline build, VectorExpression residual,
      BufferAllocator allocator, int batchSize) {
    this.joinType = node.joinType();
    this.probeKeys = node.probeKeys();
    this.residual = residual;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.outputSchema = node.outputSchema().toArrowSchema();
    Schema probeSchema = node.probe().outputSchema().toArrowSchema();
    Schema buildSchema = node.build().outputSchema().toArrowSchema();
    this.probeColumnCount = probeSchema.getFields().size();
    this.buildColumnCount = buildSchema.getFields().size();
    int expected = probeColumnCount + (joinType.probeColumnsOnly() ? 0 : buildColumnCount);
    if (outputSchema.getFields().size() != expected) {
      throw new IllegalArgumentException("join output schema has " + outputSchema.getFields().size()
          + " columns, expected " + expected);
    }
    if (joinType.probeColumnsOnly()) {
      List<Field> fields = new ArrayList<>(probeSchema.getFields());
      fields.addAll(buildSchema.getFields());
      this.pairSchema = new Schema(fields);
    } else {
      this.pairSchema = outputSchema;
    }
    this.build = build;
    this.table = new JoinHashTable(buildSchema, node.buildKeys(), allocator);
  }

  @Override
  public boolean needsInput() {
    return built && !finishing && !closed && current == null && !nothingCanMatch();
  }

  /**
   * True when the build side turned out empty and the join type outputs only matches: then the
   * join is done without reading its probe side (the driver closes the probe pipeline).
   */
  private boolean nothingCanMatch() {
    return built && table.rowCount() == 0
        && (joinType == JoinType.INNER || joinType == JoinType.SEMI || joinType == JoinType.BUILD_OUTER);
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try {
      if (batch.getRowCount() == 0) {
        return;
      }
      current = new ProbeBatch(batch);
      batch = null;
    } finally {
      if (batch != null) {
        batch.close();
      }
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed) {
      return null;
    }
    if (!built) {
      buildSome();
      if (!built) {
        return null;
      }
    }
    if (current != null) {
      VectorSchemaRoot output = current.next();
      if (output != null) {
        return output;
      }
      if (current.done()) {
        current.close();
        current = null;
      }
      return null;
    }
    if (finishing && emitsUnmatchedBuildRows()) {
      return nextUnmatchedBuildRows();
    }
    return null;
  }

  private void buildSome() {
    for (int steps = 0; steps < MAX_BUILD_STEPS_PER_CALL; steps++) {
      VectorSchemaRoot batch = build.last().getOutput();
      if (batch == null && !build.isFinished()) {
        boolean progress = build.step();
        batch = build.last().getOutput();
        if (batch == null && !progress && !build.isFinished()) {
          return;
        }
      }
      if (batch != null) {
        VectorSchemaRoot added = batch;
        try (added) {
          table.add(added);
        }
        continue;
      }
      if (build.isFinished()) {
        table.seal();
        build.close();
        build = null;
        built = true;
        if (emitsUnmatchedBuildRows()) {
          buildMatched = new boolean[table.rowCount()];
        }
        return;
      }
    }
  }

  private boolean emitsUnmatchedBuildRows() {
    return joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
  }

  private VectorSchemaRoot nextUnmatchedBuildRows() {
    if (unmatchedBuild == null) {
      int count = 0;
      unmatchedBuild = new int[table.rowCount()];
      for (int row = 0; row < table.rowCount(); row++) {
        if (!buildMatched[row]) {
          unmatchedBuild[count++] = row;
        }
      }
      unmatchedBuild = Arrays.copyOf(unmatchedBuild, count);
    }
    if (unmatchedBuildCursor >= unmatchedBuild.length) {
      return null;
    }
    int count = Math.min(batchSize, unmatchedBuild.length - unmatchedBuildCursor);
    VectorSchemaRoot output = VectorSchemaRoot.create(outputSchema, allocator);
    try {
      for (int column = 0; column < probeColumnCount; column++) {
        RowCopier.appendNulls(output.getVector(column), 0, count);
      }
      for (int column = 0; column < buildColumnCount; column++) {
        RowCopier.append(table.rows().getVector(column), unmatchedBuild, unmatchedBuildCursor, count,
            output.getVector(probeColumnCount + column), 0);
      }
      output.setRowCount(count);
    } catch (RuntimeException | Error e) {
      output.close();
      throw e;
    }
    unmatchedBuildCursor += count;
    return output;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    if (closed) {
      return true;
    }
    if (built && current == null && nothingCanMatch()) {
      return true;
    }
    if (!built || !finishing || current != null) {
      return false;
    }
    return !emitsUnmatchedBuildRows() || (unmatchedBuild != null && unmatchedBuildCursor >= unmatchedBuild.length);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    try {
      if (current != null) {
        current.close();
        current = null;
      }
      table.close();
      if (residual != null) {
        residual.close();
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    if (build != null) {
      try {
        build.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      build = null;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** One probe batch being joined: its matching pairs, then its tail (unmatched or semi rows). */
  private final class ProbeBatch implements AutoCloseable {
    private final VectorSchemaRoot batch;
    private final int rows;
    private final boolean[] matched;
    /** For NULL_AWARE_ANTI: whether each probe row's keys are all non-NULL. */
    private final boolean[] probeKeyValid;
    private int[] pairProbe = new int[0];
    private int[] pairBuild = new int[0];
    private int pairCount;
    private int pairCursor;
    private int[] tail;
    private int tailCount;
    private int tailCursor;

    ProbeBatch(VectorSchemaRoot batch) {
      this.batch = batch;
      this.rows = batch.getRowCount();
      this.matched = new boolean[rows];
      List<FieldVector> keys = new ArrayList<>(probeKeys.size());
      for (int column : probeKeys) {
        keys.add(batch.getVector(column));
      }
      int[] heads = new int[rows];
      table.firstMatches(keys, rows, heads);
      if (joinType.probeColumnsOnly() && residual == null) {
        for (int i = 0; i < rows; i++) {
          matched[i] = heads[i] >= 0;
        }
      } else {
        collectPairs(heads);
      }
      probeKeyValid = joinType == JoinType.NULL_AWARE_ANTI ? JoinHashTable.validKeys(keys, rows) : null;
    }

    private void collectPairs(int[] heads) {
      int capacity = rows;
      pairProbe = new int[capacity];
      pairBuild = new int[capacity];
      for (int i = 0; i < rows; i++) {
        for (int row = heads[i]; row >= 0; row = table.nextMatch(row)) {
          if (pairCount == capacity) {
            capacity *= 2;
            pairProbe = Arrays.copyOf(pairProbe, capacity);
            pairBuild = Arrays.copyOf(pairBuild, capacity);
          }
          pairProbe[pairCount] = i;
          pairBuild[pairCount++] = row;
        }
      }
    }

    boolean done() {
      return pairCursor >= pairCount && tail != null && tailCursor >= tailCount;
    }

    /** The next output batch of this probe batch, or null when a step produced no rows. */
    VectorSchemaRoot next() {
      if (pairCursor < pairCount) {
        return nextPairs();
      }
      if (tail == null) {
        computeTail();
      }
      if (tailCursor >= tailCount) {
        return null;
      }
      int count = Math.min(batchSize, tailCount - tailCursor);
      VectorSchemaRoot output = VectorSchemaRoot.create(outputSchema, allocator);
      try {
        for (int column = 0; column < probeColumnCount; column++) {
          RowCopier.append(batch.getVector(column), tail, tailCursor, count, output.getVector(column), 0);
        }
        if (!joinType.probeColumnsOnly()) {
          for (int column = 0; column < buildColumnCount; column++) {
            RowCopier.appendNulls(output.getVector(probeColumnCount + column), 0, count);
          }
        }
        output.setRowCount(count);
      } catch (RuntimeException | Error e) {
        output.close();
        throw e;
      }
      tailCursor += count;
      return output;
    }

    private VectorSchemaRoot nextPairs() {
      int count = Math.min(batchSize, pairCount - pairCursor);
      int from = pairCursor;
      pairCursor += count;
      VectorSchemaRoot joined = VectorSchemaRoot.create(pairSchema, allocator);
      try {
        for (int column = 0; column < probeColumnCount; column++) {
          RowCopier.append(batch.getVector(column), pairProbe, from, count, joined.getVector(column), 0);
        }
        for (int column = 0; column < buildColumnCount; column++) {
          RowCopier.append(table.rows().getVector(column), pairBuild, from, count,
              joined.getVector(probeColumnCount + column), 0);
        }
        joined.setRowCount(count);
        int selected;
        int[] chosen = null;
        if (residual != null) {
          if (selection.length < count) {
            selection = new int[Math.max(count, batchSize)];
          }
          FieldVector condition = residual.evaluate(joined);
          try {
            selected = BooleanSelection.select(condition, count, selection);
          } finally {
            if (!joined.getFieldVectors().contains(condition)) {
              condition.close();
            }
          }
          chosen = selection;
        } else {
          selected = count;
        }
        for (int k = 0; k < selected; k++) {
          int pair = from + (chosen == null ? k : chosen[k]);
          matched[pairProbe[pair]] = true;
          if (buildMatched != null) {
            buildMatched[pairBuild[pair]] = true;
          }
        }
        if (joinType.probeColumnsOnly() || selected == 0) {
          joined.close();
          return null;
        }
        if (selected == count) {
          return joined;
        }
        VectorSchemaRoot compact = RowCopier.copyRows(joined, chosen, 0, selected, allocator);
        joined.close();
        return compact;
      } catch (RuntimeException | Error e) {
        joined.close();
        throw e;
      }
    }

    private void computeTail() {
      tail = new int[rows];
      tailCount = 0;
      switch (joinType) {
        case PROBE_OUTER:
        case FULL_OUTER:
        case ANTI:
          for (int i = 0; i < rows; i++) {
            if (!matched[i]) {
              tail[tailCount++] = i;
            }
          }
          break;
        case SEMI:
          for (int i = 0; i < rows; i++) {
            if (matched[i]) {
              tail[tailCount++] = i;
            }
          }
          break;
        case NULL_AWARE_ANTI:
          if (table.rowCount() == 0) {
            for (int i = 0; i < rows; i++) {
              tail[tailCount++] = i;
            }
          } else if (!table.hasNullKey()) {
            for (int i = 0; i < rows; i++) {
              if (!matched[i] && probeKeyValid[i]) {
                tail[tailCount++] = i;
              }
            }
          }
          break;
        default:
          break;
      }
    }

    @Override
    public void close() {
      batch.close();
    }
  }
}
