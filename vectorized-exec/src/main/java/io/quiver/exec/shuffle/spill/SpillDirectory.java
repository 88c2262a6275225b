package io.quiver.exec.shuffle.spill;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shuffle service's own directory of spill files, made on first use inside the configured
 * parent (or the system's temporary directory) so that two engines never share one. {@link #close}
 * deletes it with whatever is still in it. Its name carries the process id, so that a later process
 * can remove it should this one crash first ({@link OrphanDirectories}). Thread-safe.
 */
public final class SpillDirectory implements AutoCloseable {

  /** The start of every spill directory's name (then the process id). */
  public static final String PREFIX = "quiver-spill-";

  private final Path parent;
  private final AtomicLong fileNumbers = new AtomicLong();
  private Path directory;
  private boolean closed;

  /** @param parent where the directory is made; null for the system's temporary directory */
  public SpillDirectory(Path parent) {
    this.parent = parent;
  }

  /** A path for a new spill file; the file itself is not created. */
  public synchronized Path newFile(String prefix) {
    if (closed) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the spill directory is closed");
    }
    if (directory == null) {
      try {
        if (parent == null) {
          directory = Files.createTempDirectory(OrphanDirectories.ownPrefix(PREFIX));
        } else {
          Files.createDirectories(parent);
          directory = Files.createTempDirectory(parent, OrphanDirectories.ownPrefix(PREFIX));
        }
      } catch (IOException e) {
        throw new QuiverException(ErrorCode.IO_ERROR, "could not create a spill directory in "
            + (parent == null ? System.getProperty("java.io.tmpdir") : parent) + ": " + e.getMessage(), e);
      }
    }
    return directory.resolve(prefix + "-" + fileNumbers.incrementAndGet() + ".arrow");
  }

  /** The directory, or null before the first spill file. */
  public synchronized Path path() {
    return directory;
  }

  /** Deletes the directory and every file left in it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (directory == null) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the spill directory " + directory, e);
    }
  }
}
