/**
 * The engine's catalogs (a Calcite root schema with one sub-schema per connector) and the metadata
 * read from them.
 */
package io.quiver.engine.catalog;
