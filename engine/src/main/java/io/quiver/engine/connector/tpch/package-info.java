/**
 * The tpch catalog: TPC-H tables at five scale factors, generated while scanned by the tpch library,
 * and kept in a bounded heap cache once generated.
 */
package io.quiver.engine.connector.tpch;
