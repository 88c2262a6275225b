/**
 * The in-process executor: a fixed pool of slot threads, each task with its own child allocator and
 * the job's cancellation token.
 */
package io.quiver.engine.executor;
