/**
 * What Quiver writes on disk and how it stays safe: datasets of immutable versions behind a pointer
 * that one rename swaps ({@link io.quiver.engine.connector.file.layout.DatasetLayout}); the rules
 * for where a write may go ({@link io.quiver.engine.connector.file.layout.WriteTarget}); one write
 * from its journaled staging directory to its commit
 * ({@link io.quiver.engine.connector.file.layout.LocationWrite}); and the engine as the owner of its
 * writes, which recovers after crashed owners and deletes superseded versions in time
 * ({@link io.quiver.engine.connector.file.layout.WriteOwner},
 * {@link io.quiver.engine.connector.file.layout.StateDirectory}).
 */
package io.quiver.engine.connector.file.layout;
