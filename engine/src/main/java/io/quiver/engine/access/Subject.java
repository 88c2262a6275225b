package io.quiver.engine.access;

import java.util.Set;

/**
 * Who runs a statement: a user, the roles the users file gives them, and whether they hold every
 * right (the embedded engine's user, and users with the {@code admin} role).
 */
public record Subject(String user, Set<String> roles, boolean everyRight) {

  /** The role whose members hold every right and see every user's queries. */
  public static final String ADMIN_ROLE = "admin";

  /** The embedded engine's one user, with every right. */
  public static final Subject ENGINE = new Subject(io.quiver.engine.Session.EMBEDDED_USER, Set.of(ADMIN_ROLE), true);

  public Subject {
    roles = Set.copyOf(roles);
  }

  /** Whether the subject sees every user's queries in {@code system.runtime}. */
  public boolean admin() {
    return everyRight;
  }
}
