/**
 * Admission control: when a statement may start ({@link io.quiver.engine.admission.AdmissionController}:
 * limits on running statements in total and per user, a queue with a size and a timeout) and how
 * much memory queries may hold ({@link io.quiver.engine.admission.QueryMemory}: per query and per
 * user, as allocators above the tasks' own). A session takes its place before its statement is
 * planned and gives it back when the statement's result is closed; a user's own limits (from the
 * server's users file) replace the per-user ones. {@link io.quiver.engine.admission.SessionLimits}
 * is what {@code SHOW SESSION} shows.
 */
package io.quiver.engine.admission;
