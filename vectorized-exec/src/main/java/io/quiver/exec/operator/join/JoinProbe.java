package io.quiver.exec.operator.join;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.node.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Probes one {@link JoinHashTable} (the whole build side, or one spilled partition of it) with
 * probe batches, one at a time. For each probe batch it walks the matching build rows of every probe
 * row, collecting (probe row, build row) pairs until {@code batchSize} of them, gathers them into a
 * batch, evaluates the residual condition over it, and hands the passing pairs on; a probe row with
 * many matches thus spreads over several calls of {@link #next}. After the pairs it emits the probe
 * rows the join type asks for (unmatched ones for outer joins, matched or unmatched ones for SEMI and
 * ANTI). Build rows no probe row matched (BUILD_OUTER, FULL_OUTER) are tracked in a bitmap and
 * emitted by {@link #nextUnmatchedBuildRows} once the table's probe rows are all seen.
 *
 * <p>Owns the table it probes, the current probe batch and the residual condition; not thread-safe.
 */
final class JoinProbe implements AutoCloseable {

  private static final int START = 0;
  private static final int CHAIN = 1;
  private static final int NULL_KEY_ROWS = 2;
  private static final int ALL_ROWS = 3;

  private final JoinType joinType;
  private final List<Integer> probeKeys;
  private final VectorExpression residual;
  private final Schema outputSchema;
  private final Schema candidateSchema;
  private final int probeColumns;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final boolean probeOuter;
  private final boolean buildOuter;
  private final boolean probeOnly;

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

  /** @param residual the residual condition over probe and build columns, or null; owned from now on */
  JoinProbe(JoinType joinType, List<Integer> probeKeys, VectorExpression residual, Schema probeSchema,
      Schema buildSchema, Schema outputSchema, BufferAllocator allocator, int batchSize) {
    this.joinType = joinType;
    this.probeKeys = probeKeys;
    this.residual = residual;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.probeOuter = joinType == JoinType.PROBE_OUTER || joinType == JoinType.FULL_OUTER;
    this.buildOuter = joinType == JoinType.BUILD_OUTER || joinType == JoinType.FULL_OUTER;
    this.probeOnly = joinType.probeColumnsOnly();
    this.probeColumns = probeSchema.getFields().size();
    this.outputSchema = outputSchema;
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

  /** Probes {@code next} from now on (the previous table, if any, is released). */
  void load(JoinHashTable next) {
    releaseTable();
    table = next;
    buildOuterCursor = 0;
    buildMatched = buildOuter ? new long[(next.rowCount() + 63) >>> 6] : null;
  }

  JoinHashTable table() {
    return table;
  }

  /** Releases the table (and its build rows). */
  void releaseTable() {
    if (table != null) {
      JoinHashTable held = table;
      table = null;
      buildMatched = null;
      held.close();
    }
  }

  /** True while a probe batch is being worked on: {@link #next} has more to do. */
  boolean probing() {
    return probe != null;
  }

  /** Takes {@code batch} (owned from now on) as the probe batch. Only when not {@link #probing}. */
  void addProbe(VectorSchemaRoot batch) {
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
    boolean existenceOnly = probeOnly && residual == null;
    table.loadProbe(batch, probeKeys, !existenceOnly);
    if (existenceOnly) {
      markExistingMatches();
      pairsDone = true;
    }
  }

  /** The next output of the probe batch, or null when this step produced none (see {@link #probing}). */
  VectorSchemaRoot next() {
    return pairsDone ? emitProbeRows() : nextPairs();
  }

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

  /**
   * BUILD_OUTER and FULL_OUTER: the next build rows of the table that no probe row matched, once
   * every probe row of the table was seen; null when none are left.
   */
  VectorSchemaRoot nextUnmatchedBuildRows() {
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

  /** Releases the probe batch, the table and the residual condition. */
  @Override
  public void close() {
    RuntimeException failure = null;
    AutoCloseable[] resources = {probe, table, residual};
    probe = null;
    table = null;
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
