package io.quiver.engine.connector.file.layout;

import io.quiver.engine.connector.file.WriteMode;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One write into a location, from its staging directory to its commit. The staging directory
 * ({@code .quiver-write-OWNER-ID} beside the target) and everything the commit may create are
 * journaled first, so that a crash at any point leaves nothing a recovery cannot remove. The commit
 * runs under the location's {@link CommitLock} and checks the target again; for a dataset it moves
 * the files into a new version directory and swaps the pointer in one rename, then retires the
 * version it replaced. {@link #close} removes the staging directory and the journal entry, and
 * whatever a failed commit left.
 */
public final class LocationWrite implements AutoCloseable {

  /** What a commit writes: the data files in the staging directory and the metadata beside them. */
  public record Contents(List<Path> files, String extension, String columns, String statistics) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WriteOwner owner;
  private final StateDirectory state;
  private final WriteTarget target;
  private final String writeId;
  private final Path staging;
  private final Map<String, Path> journal = new LinkedHashMap<>();
  private Path newVersion;
  private boolean swapped;

  private LocationWrite(WriteOwner owner, StateDirectory state, WriteTarget target, String writeId, Path staging) {
    this.owner = owner;
    this.state = state;
    this.target = target;
    this.writeId = writeId;
    this.staging = staging;
  }

  static LocationWrite begin(WriteOwner owner, StateDirectory state, WriteTarget target) {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    String writeId = HexFormat.of().formatHex(bytes);
    Path path = target.path();
    Path staging = path.getParent().resolve(DatasetLayout.STAGING_PREFIX + owner.id() + "-" + writeId);
    LocationWrite write = new LocationWrite(owner, state, target, writeId, staging);
    write.journal.put("staging", staging);
    if (!target.singleFile()) {
      write.journal.put("dataset", path);
      if (target.kind() == WriteTarget.Kind.ABSENT) {
        write.journal.put("created", path);
      }
    }
    try {
      state.writeEntry(owner.id(), writeId, write.journal);
      Files.createDirectories(staging);
    } catch (IOException e) {
      write.close();
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot start writing '" + target.written() + "': "
          + e.getMessage(), e);
    }
    return write;
  }

  /** Where the data files are written until the commit. */
  public Path staging() {
    return staging;
  }

  public WriteTarget target() {
    return target;
  }

  /**
   * Makes the write visible in one step (for INSERT beside files Quiver did not write: one rename
   * per file). {@code recheck} looks at the target again under the commit lock and throws if it may
   * no longer be written.
   */
  public void commit(Contents contents, Supplier<WriteTarget> recheck) {
    try (CommitLock lock = CommitLock.acquire(state, target.path())) {
      WriteTarget now = recheck.get();
      if (now.singleFile()) {
        commitFile(now, contents);
      } else if (now.addsBesideForeignFiles()) {
        moveAll(contents, now.path());
      } else {
        commitVersion(now, contents);
      }
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot commit the write into '" + target.written() + "': "
          + e.getMessage(), e);
    }
    owner.committed(state);
  }

  private void commitFile(WriteTarget now, Contents contents) throws IOException {
    Path path = now.path();
    if (contents.files().isEmpty()) {
      // no rows make no file: the replaced one goes, being Quiver's
      if (now.kind() == WriteTarget.Kind.QUIVER_FILE) {
        Files.deleteIfExists(path);
        FileMarker.delete(path);
      }
      return;
    }
    Path staged = contents.files().get(0);
    FileMarker.Identity fresh = FileMarker.Identity.of(staged);
    if (now.kind() == WriteTarget.Kind.QUIVER_FILE) {
      FileMarker.write(path, List.of(FileMarker.Identity.of(path), fresh), staging);
      Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      FileMarker.write(path, List.of(fresh), staging);
      placeWithoutReplacing(staged, path);
    }
    FileMarker.write(path, List.of(fresh), staging);
  }

  /** Writes a new version and swaps the pointer; on failure removes what it made (under the lock). */
  private void commitVersion(WriteTarget now, Contents contents) throws IOException {
    Path dataset = now.path();
    boolean created = !Files.exists(dataset, LinkOption.NOFOLLOW_LINKS);
    Files.createDirectories(dataset);
    try {
      swapVersion(now, contents, dataset);
    } catch (IOException | RuntimeException e) {
      if (newVersion != null && !swapped) {
        DatasetLayout.deleteTree(newVersion);
      }
      if (created && !swapped) {
        deleteIfEmpty(dataset);
      }
      throw e;
    }
  }

  private void swapVersion(WriteTarget now, Contents contents, Path dataset) throws IOException {
    Optional<String> previous = DatasetLayout.currentVersionName(dataset);
    String versionName = DatasetLayout.newVersionName();
    Path build = staging.resolve("version");
    Files.createDirectories(build);
    List<Path> placed = moveAll(contents, build);
    boolean appending = now.mode() == WriteMode.APPEND;
    if (appending && previous.isPresent()) {
      linkFiles(dataset.resolve(previous.get()), build, placed);
    }
    Path columns = build.resolve(DatasetLayout.COLUMNS_FILE);
    if (!Files.exists(columns)) {
      Files.writeString(columns, contents.columns() + "\n");
    }
    if (contents.statistics() != null && !appending) {
      Files.writeString(build.resolve(DatasetLayout.STATISTICS_FILE), contents.statistics());
    }
    newVersion = dataset.resolve(versionName);
    journal.put("version", newVersion);
    previous.ifPresent(name -> journal.put("previous", dataset.resolve(name)));
    state.writeEntry(owner.id(), writeId, journal);
    Files.move(build, newVersion, StandardCopyOption.ATOMIC_MOVE);
    Path pointer = staging.resolve("pointer");
    Files.writeString(pointer, DatasetLayout.pointerText(versionName));
    Files.move(pointer, dataset.resolve(DatasetLayout.POINTER), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    swapped = true;
    if (previous.isPresent()) {
      state.retire(dataset, dataset.resolve(previous.get()));
    }
  }

  /** Moves the staged data files into a directory under fresh names, never replacing a file. */
  private List<Path> moveAll(Contents contents, Path directory) throws IOException {
    List<Path> placed = new ArrayList<>();
    List<Path> files = contents.files();
    for (int i = 0; i < files.size(); i++) {
      Path name = directory.resolve(String.format("part-%s-%05d.%s", writeId, i, contents.extension()));
      placeWithoutReplacing(files.get(i), name);
      placed.add(name);
    }
    return placed;
  }

  /** The previous version's files join the new one as hard links (copies where links cannot be made). */
  private static void linkFiles(Path previous, Path build, List<Path> placed) throws IOException {
    try (Stream<Path> files = Files.list(previous)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || name.equals(DatasetLayout.STATISTICS_FILE)) {
          continue;
        }
        Path link = build.resolve(name);
        if (placed.contains(link)) {
          throw new IOException("file name " + name + " is taken twice");
        }
        try {
          Files.createLink(link, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
          if (e instanceof FileAlreadyExistsException) {
            throw (FileAlreadyExistsException) e;
          }
          Files.copy(file, link);
        }
      }
    }
  }

  /** A rename that fails rather than replace what is there (a hard link, then the source goes). */
  private static void placeWithoutReplacing(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (FileAlreadyExistsException e) {
      throw new QuiverException(ErrorCode.LOCATION_EXISTS, "'" + target + "' appeared while Quiver wrote it; "
          + "nothing was replaced");
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(source, target);
      return;
    }
    Files.delete(source);
  }

  private static void deleteIfEmpty(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      if (children.findAny().isEmpty()) {
        Files.deleteIfExists(directory);
      }
    } catch (IOException e) {
      // an empty directory is harmless
    }
  }

  /** Removes the staging directory and the journal entry. */
  @Override
  public void close() {
    DatasetLayout.deleteTree(staging);
    state.removeEntry(owner.id(), writeId);
  }
}
