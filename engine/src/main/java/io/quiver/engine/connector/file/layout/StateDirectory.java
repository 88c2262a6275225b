package io.quiver.engine.connector.file.layout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quiver's bookkeeping in one data directory, under {@code .quiver/}:
 *
 * <pre>
 * owners/OWNER.lock      a running engine that writes here holds an OS lock on it (gone with the process)
 * writes/OWNER.WRITE     a write in progress: the staging directory, the version it creates, the
 *                        directory it created, the version it replaces
 * retired/ID             a superseded version, deleted once no reader touched it for the retention
 * locks/HASH.lock        one commit lock per written location
 * </pre>
 *
 * An engine's recovery treats the writes of owners whose lock it can take (their process is gone)
 * as crashed: it deletes their staging directories and the versions they made that no pointer
 * names, and retires what a write replaced but had not retired yet. Owners that still run (in this
 * process or another one sharing the directory) are left alone. Paths in the journal are relative
 * to the data directory and are checked to stay inside it before anything is deleted.
 */
final class StateDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
  static final String NAME = ".quiver";

  private final Path dataDirectory;
  private final Path owners;
  private final Path writes;
  private final Path retired;
  private final Path locks;
  private FileChannel ownerChannel;
  private FileLock ownerLock;
  private Path ownerFile;

  StateDirectory(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    Path root = dataDirectory.resolve(NAME);
    this.owners = root.resolve("owners");
    this.writes = root.resolve("writes");
    this.retired = root.resolve("retired");
    this.locks = root.resolve("locks");
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  Path locks() {
    return locks;
  }

  /** Registers the owner here (creates the directories and takes its lock) unless it already is. */
  synchronized void register(String owner) throws IOException {
    if (ownerLock != null) {
      return;
    }
    for (Path directory : List.of(owners, writes, retired, locks)) {
      Files.createDirectories(directory);
    }
    Path file = owners.resolve(owner + ".lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("the owner lock " + file + " is taken");
    }
    channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"));
    ownerChannel = channel;
    ownerLock = lock;
    ownerFile = file;
  }

  /** Deletes the owner's lock file, then releases the lock. */
  synchronized void unregister() {
    if (ownerLock == null) {
      return;
    }
    try {
      Files.deleteIfExists(ownerFile);
    } catch (IOException e) {
      // the lock goes with the channel; a stale file is recovered as a dead owner
    }
    try {
      ownerChannel.close();
    } catch (IOException e) {
      // closing releases the lock whatever happens
    }
    ownerLock = null;
    ownerChannel = null;
  }

  // ---------------------------------------------------------------------------------------------
  // The journal of writes in progress

  /** Writes (or replaces, in one rename) the journal entry of a write. */
  void writeEntry(String owner, String write, Map<String, Path> paths) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Path> entry : paths.entrySet()) {
      text.append(entry.getKey()).append(' ').append(relative(entry.getValue())).append('\n');
    }
    Path temporary = writes.resolve(owner + "." + write + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, writes.resolve(owner + "." + write), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  void removeEntry(String owner, String write) {
    try {
      Files.deleteIfExists(writes.resolve(owner + "." + write));
    } catch (IOException e) {
      LOG.warn("cannot remove the journal entry of write {}: {}", write, e.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Superseded versions

  /** Records a superseded version; {@link #sweep} deletes it when its time has come. */
  void retire(Path dataset, Path version) throws IOException {
    Files.createDirectories(retired);
    String text = "dataset " + relative(dataset) + "\nversion " + relative(version) + "\nsince "
        + System.currentTimeMillis() + "\n";
    String id = UUID.randomUUID().toString();
    Path temporary = retired.resolve("." + id);
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, retired.resolve(id), StandardCopyOption.ATOMIC_MOVE);
  }

  /** True if superseded versions wait here. */
  boolean hasRetired() {
    return !names(retired).isEmpty();
  }

  /**
   * Deletes the superseded versions that nobody touched for the retention time (and that are not
   * current again); any engine may do it.
   */
  void sweep(Duration retention) {
    long now = System.currentTimeMillis();
    for (String name : names(retired)) {
      Path entry = retired.resolve(name);
      if (name.startsWith(".")) {
        deleteIfOlder(entry, now, retention);
        continue;
      }
      Map<String, String> lines = read(entry);
      Path dataset = resolve(lines.get("dataset"));
      Path version = resolve(lines.get("version"));
      long since = parseLong(lines.get("since"));
      if (dataset == null || version == null || since < 0
          || !DatasetLayout.isVersionName(version.getFileName().toString())
          || !version.getParent().equals(dataset)) {
        LOG.warn("ignoring the damaged retirement record {}", entry);
        continue;
      }
      try {
        if (!Files.exists(version, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
          continue;
        }
        long touched = Files.getLastModifiedTime(version, LinkOption.NOFOLLOW_LINKS).toMillis();
        if (now - Math.max(since, touched) < retention.toMillis()) {
          continue;
        }
        Optional<String> current = DatasetLayout.currentVersionName(dataset);
        if (current.isPresent() && current.get().equals(version.getFileName().toString())) {
          Files.deleteIfExists(entry);
          continue;
        }
        DatasetLayout.deleteTree(version);
        if (!Files.exists(version, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot delete the superseded version {}: {}", version, e.toString());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Recovery

  /**
   * Cleans up after every owner whose process is gone: their staging directories, the versions
   * they made that no pointer names; what they replaced is retired. {@code live} are the owners of
   * this process (never checked through their lock file: closing a second channel on a file would
   * drop this process's lock on it).
   */
  void recover(Set<String> live, Duration retention) {
    if (!Files.isDirectory(owners)) {
      return;
    }
    Set<String> candidates = new TreeSet<>();
    for (String name : names(owners)) {
      if (name.endsWith(".lock")) {
        candidates.add(name.substring(0, name.length() - ".lock".length()));
      }
    }
    for (String name : names(writes)) {
      int dot = name.indexOf('.');
      if (dot > 0) {
        candidates.add(name.substring(0, dot));
      }
    }
    for (String owner : candidates) {
      if (live.contains(owner)) {
        continue;
      }
      recoverOwner(owner);
    }
    sweep(retention);
  }

  private void recoverOwner(String owner) {
    Path lockFile = owners.resolve(owner + ".lock");
    FileChannel channel = null;
    try {
      if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          return; // its process still runs
        }
      }
      for (String name : names(writes)) {
        if (!name.startsWith(owner + ".")) {
          continue;
        }
        Path entry = writes.resolve(name);
        if (!name.endsWith(".tmp")) {
          recoverWrite(entry);
        }
        Files.deleteIfExists(entry);
      }
      Files.deleteIfExists(lockFile);
      LOG.info("recovered the writes of engine {} in {}", owner, dataDirectory);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot recover the writes of engine {} in {}: {}", owner, dataDirectory, e.toString());
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // releases the lock either way
        }
      }
    }
  }

  /** Undoes what one crashed write left; keeps what its commit made current. */
  private void recoverWrite(Path entry) throws IOException {
    Map<String, String> lines = read(entry);
    Path staging = resolve(lines.get("staging"));
    if (staging != null && staging.getFileName().toString().startsWith(DatasetLayout.STAGING_PREFIX)) {
      DatasetLayout.deleteTree(staging);
    }
    Path dataset = resolve(lines.get("dataset"));
    Path version = resolve(lines.get("version"));
    Path previous = resolve(lines.get("previous"));
    if (dataset != null && version != null && dataset.equals(version.getParent())
        && DatasetLayout.isVersionName(version.getFileName().toString())) {
      // a damaged pointer throws: then everything is kept rather than guessed at
      String current = DatasetLayout.currentVersionName(dataset).orElse(null);
      String name = version.getFileName().toString();
      if (name.equals(current)) {
        // the pointer swap happened: what it replaced still needs retiring
        if (previous != null && dataset.equals(previous.getParent())
            && !previous.getFileName().toString().equals(name) && Files.isDirectory(previous)) {
          retire(dataset, previous);
        }
      } else {
        DatasetLayout.deleteTree(version);
      }
    }
    Path created = resolve(lines.get("created"));
    if (created != null && Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> children = Files.list(created)) {
        if (children.findAny().isEmpty()) {
          Files.deleteIfExists(created);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private String relative(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    if (!normalized.startsWith(dataDirectory)) {
      throw new IllegalArgumentException(path + " is outside " + dataDirectory);
    }
    return dataDirectory.relativize(normalized).toString();
  }

  /** A journal path back to an absolute one; null if missing or not inside the data directory. */
  private Path resolve(String relative) {
    if (relative == null || relative.isBlank()) {
      return null;
    }
    Path path = dataDirectory.resolve(relative).normalize();
    return path.startsWith(dataDirectory) && !path.equals(dataDirectory) ? path : null;
  }

  private static Map<String, String> read(Path entry) {
    Map<String, String> lines = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(entry, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0) {
          lines.put(line.substring(0, space), line.substring(space + 1));
        }
      }
    } catch (IOException e) {
      // an unreadable entry reads as empty: nothing is deleted on its word
    }
    return lines;
  }

  private static long parseLong(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void deleteIfOlder(Path file, long now, Duration age) {
    try {
      if (now - Files.getLastModifiedTime(file).toMillis() > Math.max(age.toMillis(), 60_000)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // later
    }
  }

  private static List<String> names(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(directory)) {
      List<String> names = new ArrayList<>();
      children.forEach(child -> names.add(child.getFileName().toString()));
      names.sort(null);
      return names;
    } catch (IOException e) {
      return List.of();
    }
  }
}
