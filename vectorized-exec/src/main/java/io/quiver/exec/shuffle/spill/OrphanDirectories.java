package io.quiver.exec.shuffle.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Directories of spill and work files carry the id of the process that made them
 * ({@code <prefix><pid>-<unique>}), so that a process starting later can tell the ones a crashed
 * process left behind (its id names no live process) from those of processes still running, which
 * share the parent directory and must be left alone. A directory whose id names a live process is
 * kept even if that process reused the id: keeping an orphan a while longer is harmless.
 */
public final class OrphanDirectories {

  private OrphanDirectories() {
  }

  /** The name prefix of a directory made by this process. */
  public static String ownPrefix(String prefix) {
    return prefix + ProcessHandle.current().pid() + "-";
  }

  /**
   * Deletes, with everything in them, the directories in {@code parent} named {@code prefix<pid>-...}
   * whose process is no longer alive. Directories named otherwise are not touched.
   *
   * @return how many directories were deleted
   */
  public static int removeOrphans(Path parent, String prefix) {
    if (parent == null || !Files.isDirectory(parent)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path entry : entries) {
        long pid = ownerOf(entry.getFileName().toString(), prefix);
        if (pid > 0 && Files.isDirectory(entry) && !alive(pid)) {
          deleteRecursively(entry);
          removed++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // an orphan that cannot be deleted now is tried again at the next start
    }
    return removed;
  }

  /** The process id in {@code name} ({@code prefix<pid>-...}), or -1 when the name has none. */
  static long ownerOf(String name, String prefix) {
    int end = name.indexOf('-', prefix.length());
    if (!name.startsWith(prefix) || end <= prefix.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(prefix.length(), end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
