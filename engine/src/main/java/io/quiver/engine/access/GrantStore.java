package io.quiver.engine.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants and owners of an engine as a JSON file ({@code grants.json} in the bookkeeping
 * directory {@code .quiver/} of the first data directory). Written whole into a temporary file and
 * renamed over the old one, so a crash leaves the old state or the new one.
 */
final class GrantStore {

  static final String FILE_NAME = "grants.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file's content. */
  record State(Set<Grant> grants, Map<SecuredObject, String> owners) {
  }

  /** One line of the file: a grant (privilege set) or an owner (owner set). */
  private record Entry(String grantee, String privilege, String kind, List<String> path, String owner) {
  }

  private final Path file;

  GrantStore(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.exists(file);
  }

  State read() {
    Set<Grant> grants = new LinkedHashSet<>();
    Map<SecuredObject, String> owners = new LinkedHashMap<>();
    List<Entry> entries;
    try {
      entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "cannot read the grants in " + file + ": " + e.getMessage(),
          e);
    }
    for (Entry entry : entries) {
      SecuredObject object = entry.kind() == null ? null
          : new SecuredObject(SecuredObject.Kind.valueOf(entry.kind()), entry.path());
      if (entry.owner() != null) {
        owners.put(object, entry.owner());
      } else {
        grants.add(new Grant(entry.grantee(), Privilege.valueOf(entry.privilege()), object));
      }
    }
    return new State(grants, owners);
  }

  void write(State state) {
    List<Entry> entries = new ArrayList<>();
    for (Grant grant : state.grants()) {
      SecuredObject object = grant.object();
      entries.add(new Entry(grant.grantee(), grant.privilege().name(), object == null ? null : object.kind().name(),
          object == null ? null : object.path(), null));
    }
    state.owners().forEach((object, owner) ->
        entries.add(new Entry(null, null, object.kind().name(), object.path(), owner)));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), entries);
        try {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "cannot save the grants in " + file + ": " + e.getMessage(),
          e);
    }
  }
}
