/**
 * Sessions: the current catalog and schema, and the results a session has open.
 */
package io.quiver.engine.session;
