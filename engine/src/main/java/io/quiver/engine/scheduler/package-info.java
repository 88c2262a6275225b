/**
 * Spark-style scheduling: a job per query; the DAG scheduler submits a stage once the stages feeding
 * it completed; the task scheduler puts one task per partition on executor slots.
 */
package io.quiver.engine.scheduler;
