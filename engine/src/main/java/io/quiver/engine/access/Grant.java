package io.quiver.engine.access;

/**
 * One privilege given to a grantee (a user, a role or {@link AccessControl#PUBLIC}).
 *
 * @param object what it is granted on; null for {@link Privilege#FILES}
 */
public record Grant(String grantee, Privilege privilege, SecuredObject object) {
}
