/**
 * Utilities over Arrow batches that the operators share: copying chosen rows
 * ({@link io.quiver.exec.batch.RowCopier}), reading and writing columns as primitive arrays
 * ({@link io.quiver.exec.batch.ColumnReader}, {@link io.quiver.exec.batch.ColumnWriter}), moving whole
 * batches between allocators ({@link io.quiver.exec.batch.Batches}), and the one key hash every hash
 * table and Hash exchange uses ({@link io.quiver.exec.batch.KeyHashing},
 * {@link io.quiver.exec.batch.PartitionHash}). Each switches on a vector's
 * {@link io.quiver.exec.batch.ValueLayout} once per call and then runs a tight loop over the buffers.
 */
package io.quiver.exec.batch;
