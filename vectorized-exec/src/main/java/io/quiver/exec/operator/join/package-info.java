/**
 * The hash join. {@link io.quiver.exec.operator.join.HashJoinOperator} is the probe operator: on its
 * first call it runs its build pipeline, ended by a {@code HashBuildOperator}, into
 * {@code BuildRows} (the build batches, copied into large chunks) indexed by a
 * {@code JoinHashTable}; then it streams probe batches through the table, producing output batches
 * of at most {@code batchSize} rows for every {@link io.quiver.exec.fragment.node.JoinType}.
 * {@code JoinKeyColumn} compares composite and non-integer keys, {@code JoinOutput} gathers rows.
 */
package io.quiver.exec.operator.join;
