/**
 * Query results: the bounded queue between result tasks and the client, the streaming result and the
 * EXPLAIN result.
 */
package io.quiver.engine.result;
