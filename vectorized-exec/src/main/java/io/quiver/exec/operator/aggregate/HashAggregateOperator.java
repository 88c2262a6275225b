package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.memory.MemoryCharge;
import io.quiver.exec.memory.Spillable;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Hash aggregation (PARTIAL, FINAL or SINGLE, see {@link AggregateNode}): consumes all input,
 * assigning each row a group id through a {@link GroupByHash} and feeding the accumulators; after
 * {@link #finish} it emits the groups in batches of at most {@code batchSize} rows. Without group
 * keys there is exactly one group, so even empty input gives one row.
 *
 * <p>Memory: the hash table, the stored keys and the accumulators' arrays live on the JVM heap and
 * are charged to the task before each batch may grow them. When the task has no room (even after
 * other consumers spilled), the groups are written to disk as partial state partitioned by key
 * ({@link AggregateSpill}) and the aggregate starts over empty; at the end each partition's partial
 * state is combined by a fresh aggregate (which may spill again, a level deeper) and emitted in the
 * form this aggregate's step emits. Aggregates whose functions have no partial state
 * (string_agg, percentiles) and aggregates without keys do not spill. When even one batch's groups
 * do not fit, the aggregate fails with MEMORY_LIMIT_EXCEEDED naming itself.
 */
public final class HashAggregateOperator implements Operator, Spillable {

  /** Spilled partitions are merged back by aggregates that may spill again, this many levels deep. */
  static final int MAX_SPILL_LEVEL = 4;
  /** Heap bytes charged per new group before its first batch shows what groups really cost. */
  private static final int FIRST_GUESS_BYTES_PER_GROUP = 64;
  /** The most heap bytes per group guessed ahead of a batch; larger groups are charged after it. */
  private static final int MAX_GUESS_BYTES_PER_GROUP = 1024;
  /** About how many groups the hash tables have room for when they are made. */
  private static final int INITIAL_TABLE_GROUPS = 1024;

  private final AggregateNode node;
  /** The step the accumulators read input for (FINAL when merging spilled state back). */
  private final AggregateStep inputStep;
  private final TaskMemory memory;
  private final boolean ownsMemory;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final int level;
  private final List<Integer> keyColumns;
  private final List<Accumulator> accumulators = new ArrayList<>();
  private final int[] intermediateWidths;
  private final MemoryCharge stateCharge;
  private final boolean canSpill;
  private GroupByHash groupByHash;
  private AggregateSpill spill;
  private int[] groupIds = new int[0];
  private boolean finishing;
  private boolean closed;
  private int nextGroup;

  /** An aggregate that spills to the temporary directory (tests, tools). */
  public HashAggregateOperator(AggregateNode node, BufferAllocator allocator, int batchSize) {
    this(node, node.step(), TaskMemory.standalone(allocator, new TaskMetrics()), true, batchSize, 0);
  }

  /** An aggregate of the task whose memory is {@code memory}. */
  public HashAggregateOperator(AggregateNode node, TaskMemory memory, int batchSize) {
    this(node, node.step(), memory, false, batchSize, 0);
  }

  private HashAggregateOperator(AggregateNode node, AggregateStep inputStep, TaskMemory memory, boolean ownsMemory,
      int batchSize, int level) {
    this.node = node;
    this.inputStep = inputStep;
    this.memory = memory;
    this.ownsMemory = ownsMemory;
    this.allocator = memory.allocator();
    this.batchSize = Math.max(1, batchSize);
    this.level = level;
    this.keyColumns = node.groupKeys();
    this.stateCharge = new MemoryCharge(allocator, "the groups of " + name());
    intermediateWidths = new int[node.aggregates().size()];
    boolean splittable = !keyColumns.isEmpty() && level < MAX_SPILL_LEVEL;
    for (int i = 0; i < node.aggregates().size(); i++) {
      AggregateCall call = node.aggregates().get(i);
      try {
        accumulators.add(AggregateDefinitions.accumulator(call, inputStep, allocator));
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      boolean partial = AggregateDefinitions.of(call.function()).splittable();
      splittable &= partial;
      intermediateWidths[i] = partial ? call.function().intermediateTypes(call.argumentType(), call.resultType()).size()
          : 1;
    }
    this.canSpill = splittable;
    int expectedColumns = keyColumns.size() + (node.step() == AggregateStep.PARTIAL
        ? Arrays.stream(intermediateWidths).sum() : node.aggregates().size());
    if (node.outputSchema().size() != expectedColumns) {
      close();
      throw new IllegalArgumentException("aggregate output schema has " + node.outputSchema().size()
          + " columns, expected " + expectedColumns);
    }
    if (keyColumns.isEmpty()) {
      accumulators.forEach(accumulator -> accumulator.ensureCapacity(1));
    }
    if (canSpill) {
      memory.register(this);
    }
  }

  @Override
  public String name() {
    List<String> functions = new ArrayList<>();
    for (AggregateCall call : node.aggregates()) {
      functions.add(call.function().name().toLowerCase(java.util.Locale.ROOT));
    }
    return "the hash aggregate (" + node.step() + ", " + keyColumns.size() + " group keys, "
        + (functions.isEmpty() ? "no aggregates" : String.join(", ", functions)) + ")";
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      int rows = batch.getRowCount();
      if (rows == 0) {
        return;
      }
      if (!keyColumns.isEmpty()) {
        makeRoomFor(rows);
      }
      if (groupIds.length < rows) {
        groupIds = new int[Math.max(rows, batchSize)];
      }
      int groups;
      if (keyColumns.isEmpty()) {
        Arrays.fill(groupIds, 0, rows, 0);
        groups = 1;
      } else {
        List<FieldVector> keys = keyVectors(batch);
        if (groupByHash == null) {
          groupByHash = GroupByHash.create(keys);
        }
        groupByHash.groupIds(keys, rows, groupIds);
        groups = groupByHash.groupCount();
      }
      for (Accumulator accumulator : accumulators) {
        accumulator.ensureCapacity(groups);
        accumulator.add(batch, groupIds, rows);
      }
      chargeState();
    }
  }

  /**
   * Charges what the groups really take now (the guess before the batch may have been low): without
   * the room the groups go to disk; an aggregate that cannot spill fails with 53200 naming itself.
   */
  private void chargeState() {
    long state = stateBytes();
    if (stateCharge.tryAtLeast(state)
        || (memory.makeRoom(state - stateCharge.charged(), this) && stateCharge.tryAtLeast(state))) {
      return;
    }
    if (canSpill) {
      spill();
    } else {
      stateCharge.atLeast(state);
    }
  }

  private List<FieldVector> keyVectors(VectorSchemaRoot batch) {
    List<FieldVector> keys = new ArrayList<>(keyColumns.size());
    for (int column : keyColumns) {
      keys.add(batch.getVector(column));
    }
    return keys;
  }

  /**
   * Makes room for a batch of {@code rows} rows that may all be new groups, at what a group costs
   * so far (its share of the charged state and of the state accumulators charge themselves);
   * without the room, even after other consumers spilled, the groups so far go to disk first.
   */
  private void makeRoomFor(int rows) {
    int groups = groupCount();
    // the tables start with room for about a thousand groups: below that, their size says nothing
    // about what one more group costs
    long perGroup = groups == 0 ? FIRST_GUESS_BYTES_PER_GROUP
        : Math.min(MAX_GUESS_BYTES_PER_GROUP,
            Math.max(16, (stateBytes() + selfChargedBytes()) / Math.max(groups, INITIAL_TABLE_GROUPS)));
    long growth = rows * perGroup;
    if (memory.headroom() >= growth || memory.makeRoom(growth, this)) {
      return;
    }
    if (canSpill && groups > 0) {
      spill();
    }
  }

  private long selfChargedBytes() {
    long bytes = 0;
    for (Accumulator accumulator : accumulators) {
      bytes += accumulator.selfChargedBytes();
    }
    return bytes;
  }

  /** Heap bytes of the hash table and the accumulators (those not charged on their own). */
  private long stateBytes() {
    long bytes = groupByHash == null ? 0 : groupByHash.estimatedBytes();
    for (Accumulator accumulator : accumulators) {
      bytes += accumulator.estimatedBytes();
    }
    return bytes + groupIds.length * 4L;
  }

  private int groupCount() {
    if (keyColumns.isEmpty()) {
      return 1;
    }
    return groupByHash == null ? 0 : groupByHash.groupCount();
  }

  @Override
  public long spillableBytes() {
    return !canSpill || finishing || closed || groupCount() == 0 ? 0 : stateCharge.charged() + selfChargedBytes();
  }

  /** Writes every group as partial state to disk and starts over with no groups. */
  @Override
  public long spill() {
    if (!canSpill || closed || groupCount() == 0) {
      return 0;
    }
    if (spill == null) {
      spill = new AggregateSpill(partialSchema().toArrowSchema(), keyColumns.size(), level, memory);
    }
    long freed = stateCharge.charged() + selfChargedBytes();
    // the groups are about to go; their charge makes room for the batches that carry them to disk
    stateCharge.releaseTo(0);
    spill.begin();
    int groups = groupCount();
    for (int from = 0; from < groups; from += batchSize) {
      try (VectorSchemaRoot batch = groupsAsBatch(from, Math.min(batchSize, groups - from), partialSchema(), true)) {
        spill.write(batch);
      }
    }
    spill.end();
    groupByHash = null;
    for (int i = 0; i < accumulators.size(); i++) {
      accumulators.get(i).close();
      accumulators.set(i, AggregateDefinitions.accumulator(node.aggregates().get(i), inputStep, allocator));
    }
    stateCharge.releaseTo(0);
    return freed;
  }

  /** The columns of partial state: the group keys, then each call's intermediate columns. */
  private RowSchema partialSchema() {
    List<Column> columns = new ArrayList<>();
    for (int key = 0; key < keyColumns.size(); key++) {
      columns.add(new Column("key" + key, node.outputSchema().column(key).type(), true));
    }
    for (int i = 0; i < node.aggregates().size(); i++) {
      AggregateCall call = node.aggregates().get(i);
      List<DataType> types = call.function().intermediateTypes(call.argumentType(), call.resultType());
      for (int t = 0; t < types.size(); t++) {
        columns.add(new Column("state" + i + "_" + t, types.get(t), true));
      }
    }
    return new RowSchema(columns);
  }

  /** The aggregate that combines one spilled partition's partial state into this one's output. */
  private HashAggregateOperator mergeAggregate(int mergeLevel) {
    RowSchema partial = partialSchema();
    List<Integer> keys = new ArrayList<>();
    for (int key = 0; key < keyColumns.size(); key++) {
      keys.add(key);
    }
    List<AggregateCall> calls = new ArrayList<>();
    int column = keyColumns.size();
    for (int i = 0; i < node.aggregates().size(); i++) {
      AggregateCall call = node.aggregates().get(i);
      List<Integer> arguments = new ArrayList<>();
      for (int t = 0; t < intermediateWidths[i]; t++) {
        arguments.add(column++);
      }
      calls.add(new AggregateCall(call.function(), arguments, false, call.argumentType(), call.resultType(),
          call.name()));
    }
    AggregateNode merge = new AggregateNode(new ValuesNode(List.of(), partial), node.step(), keys, calls,
        node.outputSchema());
    return new HashAggregateOperator(merge, AggregateStep.FINAL, memory, false, batchSize, mergeLevel);
  }

  /** Groups {@code from..from+count)} as a batch of {@code schema}: keys, then state or results. */
  private VectorSchemaRoot groupsAsBatch(int from, int count, RowSchema schema, boolean intermediate) {
    VectorSchemaRoot output = Batches.create(schema, allocator);
    try {
      int column = 0;
      for (int key = 0; key < keyColumns.size(); key++) {
        groupByHash.writeKey(key, from, count, output.getVector(column++));
      }
      for (int i = 0; i < accumulators.size(); i++) {
        Accumulator accumulator = accumulators.get(i);
        accumulator.ensureCapacity(groupCount());
        if (intermediate) {
          accumulator.writeIntermediate(output.getFieldVectors().subList(column, column + intermediateWidths[i]),
              from, count);
          column += intermediateWidths[i];
        } else {
          accumulator.writeFinal(output.getVector(column++), from, count);
        }
      }
      output.setRowCount(count);
      return output;
    } catch (RuntimeException | Error e) {
      output.close();
      throw e;
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed) {
      return null;
    }
    if (spill != null) {
      return spill.mergeStep(this::mergeAggregate);
    }
    if (nextGroup >= groupCount()) {
      return null;
    }
    int count = Math.min(batchSize, groupCount() - nextGroup);
    VectorSchemaRoot output = groupsAsBatch(nextGroup, count, node.outputSchema(),
        node.step() == AggregateStep.PARTIAL);
    nextGroup += count;
    return output;
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    if (node.emptyGroupingSetId() != null) {
      addEmptyGroupingSet(node.emptyGroupingSetId());
    }
    if (spill == null && canSpill && groupCount() > 0 && !memory.makeRoom(outputBatchBytes(), this)) {
      // no room left to emit the groups from: they go to disk and come back a partition at a time
      spill();
    }
    if (spill != null) {
      // the groups still in memory join the spilled ones, so that each partition merges in one place
      spill();
    }
    memory.unregister(this);
    finishing = true;
  }

  /** About what emitting one output batch takes (twice, for the vectors' doubling). */
  private long outputBatchBytes() {
    return 2L * batchSize * node.outputSchema().size() * 16;
  }

  /**
   * The group of the empty grouping set (every key NULL but the grouping id, the last key) exists
   * even when no row reached it: SQL gives the empty grouping set one row over empty input.
   */
  private void addEmptyGroupingSet(long groupingId) {
    try (VectorSchemaRoot row = Batches.create(node.input().outputSchema(), allocator)) {
      for (FieldVector vector : row.getFieldVectors()) {
        RowCopier.appendNulls(vector, 0, 1);
      }
      FieldVector id = row.getVector(keyColumns.get(keyColumns.size() - 1));
      ((org.apache.arrow.vector.BigIntVector) id).setSafe(0, groupingId);
      row.setRowCount(1);
      List<FieldVector> keys = keyVectors(row);
      if (groupByHash == null) {
        groupByHash = GroupByHash.create(keys);
      }
      groupByHash.groupIds(keys, 1, new int[1]);
    }
  }

  @Override
  public boolean isFinished() {
    if (closed) {
      return true;
    }
    if (!finishing) {
      return false;
    }
    return spill != null ? spill.merged() : nextGroup >= groupCount();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    memory.unregister(this);
    groupByHash = null;
    try {
      for (Accumulator accumulator : accumulators) {
        accumulator.close();
      }
      accumulators.clear();
      stateCharge.close();
      if (spill != null) {
        spill.close();
      }
    } finally {
      if (ownsMemory) {
        memory.close();
      }
    }
  }
}
