/**
 * What jobs, stages and tasks did, assembled from the event bus: a {@link
 * io.quiver.engine.profile.JobProfile} per job (its stages, their tasks and the tasks' measurements),
 * read by EXPLAIN ANALYZE ({@link io.quiver.engine.profile.ExplainAnalyzeText}, {@link
 * io.quiver.engine.profile.ExplainAnalyzeJson}) and by the engine's record of recent work.
 */
package io.quiver.engine.profile;
