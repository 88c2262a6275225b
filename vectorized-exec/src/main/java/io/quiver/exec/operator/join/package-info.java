/**
 * The hash join. {@link io.quiver.exec.operator.join.HashJoinOperator} is the probe operator: on its
 * first call it runs its build pipeline, ended by a {@code HashBuildOperator}, into
 * {@code BuildRows} (the build batches, copied into large chunks) indexed by a
 * {@code JoinHashTable}; then it streams probe batches through the table, producing output batches
 * of at most {@code batchSize} rows for every {@link io.quiver.exec.fragment.node.JoinType}.
 * A {@code JoinProbe} walks one table with probe batches. When the build rows do not fit the task's
 * memory ({@code BuildMemory}), or the task asks the join to spill while its build side runs, the
 * join becomes a grace hash join ({@code SpilledJoin}): both sides go to partition files
 * ({@code JoinPartitionWriter}) and are joined a partition at a time, splitting a partition again
 * when it does not fit either.
 * {@code JoinHashTable} indexes one integer key, or two whose values fit in 32 bits (packed into
 * one), in an open-addressing table; {@code JoinKeyColumn} compares the other composite and
 * non-integer keys; {@code JoinOutput} gathers rows.
 */
package io.quiver.exec.operator.join;
