/**
 * Authorization: who may do what to which object. {@link io.quiver.engine.access.AccessControl} holds
 * the grants and owners of one engine and answers the planner's and the driver's questions for a
 * {@link io.quiver.engine.access.Subject}; an embedded engine's one user has every right, the server
 * turns checking on with its users file's roles and keeps the grants in its data directory.
 */
package io.quiver.engine.access;
