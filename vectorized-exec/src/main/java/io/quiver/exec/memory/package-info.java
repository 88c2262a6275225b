/**
 * Memory accounting and spilling inside an executor. Arrow buffers belong to task allocators; state
 * in Java arrays is charged to them through {@link io.quiver.exec.memory.MemoryCharge}. Operators
 * that can move state to disk are {@link io.quiver.exec.memory.Spillable} and register with their
 * task's {@link io.quiver.exec.memory.TaskMemory}, which makes the largest consumer spill (this
 * task's at once, another task's through the {@link io.quiver.exec.memory.ExecutorMemoryManager})
 * before an operator must spill itself or fail with MEMORY_LIMIT_EXCEEDED (53200). Spill files
 * are Arrow IPC files in a directory per task, deleted when the task's memory closes.
 */
package io.quiver.exec.memory;
