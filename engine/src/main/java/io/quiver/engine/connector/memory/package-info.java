/**
 * The {@code memory} catalog: tables that CREATE TABLE (AS) and INSERT fill with rows, held as
 * Arrow batches in memory and spread over one partition per executor slot; beside them, tables over
 * files ({@link io.quiver.engine.connector.memory.FileTableEntry}) and views
 * ({@link io.quiver.engine.connector.memory.StoredView}), in one namespace per schema.
 *
 * <p>Writing: the query runs as an ordinary job whose result stage hands its batches to a
 * {@link io.quiver.engine.connector.memory.MemoryTableWriter} instead of a client; the batches'
 * buffers move (no copy) into the table's own allocator, a child of the connector's. The table is
 * added to its schema only when the whole query succeeded. Reading: every scan split gets new
 * vectors that share the stored memory through Arrow's reference counting (no copy), so a reader
 * cannot free or empty the table. Dropping: a table leaves its schema at once; its memory is freed
 * when the last running read of it ends, or when the engine closes. Planning pins a snapshot of
 * the catalog for the planning thread, so a concurrent DROP cannot change a table between the
 * planner's lookups. Appending (INSERT): the rows are written aside and then moved to the ends of
 * the partitions in one step; a table version is a batch count per partition, carried in the scan's
 * table handle, so a scan reads the version it was planned against.
 */
package io.quiver.engine.connector.memory;
