package io.quiver.engine.access;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The grants and owners of one engine, and the answers to "may this subject do that". Until
 * {@link #enforce} is called (an embedded engine) every subject has every right. Once enforced (the
 * server), a subject holds a privilege on an object when it has every right (the {@code admin}
 * role), owns the object or what contains it, or the privilege was granted on the object or a
 * container to the user, one of the user's roles or {@link #PUBLIC}. Changes are saved before they
 * count. Thread-safe.
 */
public final class AccessControl {

  /** The grantee that stands for every user. */
  public static final String PUBLIC = "PUBLIC";

  /** The catalog whose tables (information_schema, system.runtime) everyone may read, filtered. */
  public static final String SYSTEM_CATALOG = "system";

  private volatile boolean enforced;
  private volatile Map<String, Set<String>> rolesOfUsers = Map.of();
  private GrantStore store;
  private final Set<Grant> grants = new LinkedHashSet<>();
  private final Map<SecuredObject, String> owners = new LinkedHashMap<>();

  /**
   * Turns checking on: users have the roles of {@code rolesOfUsers} (a role named
   * {@link Subject#ADMIN_ROLE} has every right); grants and owners are kept in {@code stateDirectory}.
   * A first start grants SELECT on {@code readableCatalogs} and CREATE on {@code creatableSchemas}
   * to PUBLIC; later starts read the saved grants and forget those on objects that no longer exist.
   */
  public synchronized void enforce(Map<String, Set<String>> rolesOfUsers, Path stateDirectory,
      List<String> readableCatalogs, List<List<String>> creatableSchemas, Predicate<SecuredObject> exists) {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    rolesOfUsers.forEach((user, userRoles) -> roles.put(user, Set.copyOf(userRoles)));
    this.rolesOfUsers = Map.copyOf(roles);
    GrantStore newStore = new GrantStore(stateDirectory.resolve(GrantStore.FILE_NAME));
    grants.clear();
    owners.clear();
    if (newStore.exists()) {
      GrantStore.State state = newStore.read();
      state.grants().stream().filter(grant -> grant.object() == null || exists.test(grant.object()))
          .forEach(grants::add);
      state.owners().forEach((object, owner) -> {
        if (exists.test(object)) {
          owners.put(object, owner);
        }
      });
    } else {
      for (String catalog : readableCatalogs) {
        grants.add(new Grant(PUBLIC, Privilege.SELECT, SecuredObject.catalog(catalog)));
      }
      for (List<String> schema : creatableSchemas) {
        grants.add(new Grant(PUBLIC, Privilege.CREATE, SecuredObject.schema(schema.get(0), schema.get(1))));
      }
    }
    newStore.write(new GrantStore.State(grants, owners));
    this.store = newStore;
    this.enforced = true;
  }

  /** Whether privileges are checked (false in an embedded engine). */
  public boolean enforced() {
    return enforced;
  }

  /** Where the grants are saved; null while not enforced. */
  public synchronized Path stateFile() {
    return store == null ? null : store.file();
  }

  /** The subject a user of the server is: their roles; every right with the admin role or when nothing is enforced. */
  public Subject subject(String user) {
    Set<String> roles = rolesOfUsers.getOrDefault(user, Set.of());
    return new Subject(user, roles, !enforced || roles.contains(Subject.ADMIN_ROLE));
  }

  /** Whether {@code name} is a user, a role or PUBLIC. */
  public boolean knownGrantee(String name) {
    if (PUBLIC.equals(name) || Subject.ADMIN_ROLE.equals(name) || rolesOfUsers.containsKey(name)) {
      return true;
    }
    return rolesOfUsers.values().stream().anyMatch(roles -> roles.contains(name));
  }

  /** Whether {@code name} is a role (not a user). */
  public boolean isRole(String name) {
    return !rolesOfUsers.containsKey(name) && knownGrantee(name) && !PUBLIC.equals(name);
  }

  private static Set<String> grantees(Subject subject) {
    Set<String> names = new HashSet<>(subject.roles());
    names.add(subject.user());
    names.add(PUBLIC);
    return names;
  }

  /** Whether the subject holds the privilege on the object (or, for FILES, at all). */
  public synchronized boolean holds(Subject subject, Privilege privilege, SecuredObject object) {
    if (subject.everyRight()) {
      return true;
    }
    Set<String> names = grantees(subject);
    if (privilege == Privilege.FILES) {
      return names.stream().anyMatch(name -> grants.contains(new Grant(name, Privilege.FILES, null)));
    }
    for (SecuredObject level : object.selfAndContainers()) {
      if (subject.user().equals(owners.get(level))) {
        return true;
      }
      for (String name : names) {
        if (grants.contains(new Grant(name, privilege, level))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Refuses with 42501, naming the object and the privilege, unless the subject holds it.
   *
   * @throws QuiverException INSUFFICIENT_PRIVILEGE
   */
  public void require(Subject subject, Privilege privilege, SecuredObject object) {
    if (!holds(subject, privilege, object)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + object + ": user "
          + subject.user() + " has no " + privilege + " privilege on it");
    }
  }

  /**
   * Refuses with 42501 unless the subject may read and write files.
   *
   * @param what what needs the files ("read_csv", "COPY", ...)
   */
  public void requireFiles(Subject subject, String what) {
    if (!holds(subject, Privilege.FILES, null)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + what + ": user "
          + subject.user() + " has no FILES privilege (reading and writing files)");
    }
  }

  /**
   * Whether the subject may see the object in metadata: the system catalog; a table or view it
   * holds a table privilege on (CREATE on its schema shows the schema, not the tables in it); a
   * catalog or schema it holds any privilege on, or that holds something it may see.
   */
  public synchronized boolean visible(Subject subject, SecuredObject object) {
    if (subject.everyRight() || SYSTEM_CATALOG.equals(object.catalogName())) {
      return true;
    }
    for (SecuredObject level : object.selfAndContainers()) {
      if (subject.user().equals(owners.get(level))) {
        return true;
      }
    }
    Set<String> names = grantees(subject);
    for (Grant grant : grants) {
      if (grant.object() == null || !names.contains(grant.grantee())) {
        continue;
      }
      if (grant.object().contains(object)) {
        if (object.kind() != SecuredObject.Kind.TABLE || Privilege.ON_TABLES.contains(grant.privilege())) {
          return true;
        }
      } else if (object.contains(grant.object())) {
        return true;
      }
    }
    for (Map.Entry<SecuredObject, String> owned : owners.entrySet()) {
      if (subject.user().equals(owned.getValue()) && object.contains(owned.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** The owner of an object; null for objects nobody created (the built-in catalogs and schemas). */
  public synchronized String owner(SecuredObject object) {
    return owners.get(object);
  }

  /** Whether the subject may grant and revoke privileges on the object: every right, or the owner of it or of a container. */
  public synchronized boolean mayGrant(Subject subject, SecuredObject object) {
    if (subject.everyRight()) {
      return true;
    }
    if (object == null) {
      return false;
    }
    return object.selfAndContainers().stream().anyMatch(level -> subject.user().equals(owners.get(level)));
  }

  /** Records that {@code owner} created the object (nothing is recorded while not enforced). */
  public synchronized void created(SecuredObject object, String owner) {
    if (!enforced) {
      return;
    }
    String previous = owners.put(object, owner);
    try {
      save();
    } catch (RuntimeException e) {
      if (previous == null) {
        owners.remove(object);
      } else {
        owners.put(object, previous);
      }
      throw e;
    }
  }

  /** Forgets the grants on, and owners of, the object and everything inside it (it was dropped). */
  public synchronized void dropped(SecuredObject object) {
    boolean changed = grants.removeIf(grant -> grant.object() != null && object.contains(grant.object()));
    changed |= owners.keySet().removeIf(object::contains);
    if (changed) {
      save();
    }
  }

  /** Adds grants (those already there stay once). */
  public synchronized void grant(Collection<Grant> added) {
    List<Grant> fresh = new ArrayList<>();
    for (Grant grant : added) {
      if (grants.add(grant)) {
        fresh.add(grant);
      }
    }
    try {
      save();
    } catch (RuntimeException e) {
      fresh.forEach(grants::remove);
      throw e;
    }
  }

  /** Removes grants (those not there are ignored, as PostgreSQL does). */
  public synchronized void revoke(Collection<Grant> removed) {
    List<Grant> gone = new ArrayList<>();
    for (Grant grant : removed) {
      if (grants.remove(grant)) {
        gone.add(grant);
      }
    }
    try {
      save();
    } catch (RuntimeException e) {
      grants.addAll(gone);
      throw e;
    }
  }

  /** The grants to any of {@code grantees}, in the order they were given. */
  public synchronized List<Grant> grantsTo(Set<String> grantees) {
    return grants.stream().filter(grant -> grantees.contains(grant.grantee())).toList();
  }

  /** The objects {@code user} owns. */
  public synchronized List<SecuredObject> ownedBy(String user) {
    return owners.entrySet().stream().filter(entry -> entry.getValue().equals(user)).map(Map.Entry::getKey).toList();
  }

  /** The privileges that a grant of ALL PRIVILEGES gives on an object of this kind. */
  public static Set<Privilege> allOn(SecuredObject.Kind kind) {
    return kind == SecuredObject.Kind.TABLE ? Privilege.ON_TABLES : EnumSet.copyOf(Privilege.ON_CONTAINERS);
  }

  private void save() {
    if (store != null) {
      store.write(new GrantStore.State(grants, owners));
    }
  }
}
