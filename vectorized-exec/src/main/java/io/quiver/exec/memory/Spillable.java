package io.quiver.exec.memory;

/**
 * Operator state that can move to disk to give memory back: a sort's buffered rows, an
 * aggregate's groups. A spillable registers with its task's {@link TaskMemory} while it holds
 * state, so that a task short of memory (its own or another one) can make the largest consumer
 * spill before anyone fails.
 *
 * <p>{@link #spill} is called only on the thread of the task that owns the operator, and only
 * between the operator's calls (never while one of its own methods runs), so an implementation
 * needs no locking. {@link #spillableBytes} may be read from any thread and may be approximate.
 */
public interface Spillable {

  /** Names the operator in messages ("the sort of ORDER BY"). */
  String name();

  /** About how many bytes {@link #spill} would free now; 0 when it cannot spill now. */
  long spillableBytes();

  /** Writes state to disk and frees its memory; returns about how many bytes were freed. */
  long spill();
}
