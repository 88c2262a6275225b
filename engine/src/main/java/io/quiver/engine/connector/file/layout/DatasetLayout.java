package io.quiver.engine.connector.file.layout;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a directory Quiver wrote (a <em>dataset</em>) looks on disk, and how readers find its data:
 *
 * <pre>
 * LOCATION/
 *   _quiver_dataset        the marker and pointer: names the current version (replaced by one rename)
 *   v-20261121T101500-1a2b3c4d/        a version: immutable once the pointer names it
 *     part-1a2b3c4d-00000.parquet      data files
 *     _quiver_columns                  the SQL column types
 *     _quiver_statistics               distinct counts per column (not after INSERT)
 *   .quiver-write-OWNER-ID/            a write in progress (staging), never read
 * </pre>
 *
 * A reader of {@code LOCATION} reads the version the pointer names when it plans; a replace writes a
 * new version beside it and then swaps the pointer, so a reader sees the old version or the new one,
 * never a mix and never nothing. A superseded version stays until no reader has touched it for the
 * retention time (readers touch a version's directory when they plan and when they open a file).
 *
 * <p>A single file ({@code out.csv}) is recognised as Quiver's by a hidden marker beside it
 * ({@link FileMarker}). Quiver's bookkeeping per data directory lives in {@code .quiver/}
 * ({@link StateDirectory}).
 */
public final class DatasetLayout {

  /** The marker and pointer file of a dataset directory. */
  public static final String POINTER = "_quiver_dataset";
  /** Beside the data files of a version: the SQL column types (what the formats cannot say). */
  public static final String COLUMNS_FILE = "_quiver_columns";
  /** Beside the data files of a version: the estimated distinct values per column. */
  public static final String STATISTICS_FILE = "_quiver_statistics";
  /** Staging directories of writes in progress (hidden: readers skip names starting with a dot). */
  public static final String STAGING_PREFIX = ".quiver-write-";
  static final String VERSION_PREFIX = "v-";

  private static final String POINTER_HEADER = "quiver-dataset 1";
  private static final String POINTER_VERSION = "version ";
  private static final Pattern VERSION_NAME = Pattern.compile("v-[0-9A-Za-z]{1,32}-[0-9a-f]{8}");
  private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private DatasetLayout() {
  }

  /** True if the path is a directory holding a dataset pointer. */
  public static boolean isDataset(Path path) {
    return Files.isRegularFile(path.resolve(POINTER), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The current version's directory of a dataset; empty if the path is no dataset.
   *
   * @throws QuiverException IO_ERROR if the pointer cannot be read or names no valid version
   */
  public static Optional<Path> currentVersion(Path directory) {
    Optional<String> name = currentVersionName(directory);
    return name.map(directory::resolve);
  }

  /** The name the pointer holds, empty if there is no pointer. */
  static Optional<String> currentVersionName(Path directory) {
    Path pointer = directory.resolve(POINTER);
    if (!Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(pointer, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot read the dataset pointer '" + pointer + "': "
          + e.getMessage(), e);
    }
    if (lines.isEmpty() || !POINTER_HEADER.equals(lines.get(0).strip())) {
      throw badPointer(pointer);
    }
    for (String line : lines) {
      if (line.startsWith(POINTER_VERSION)) {
        String name = line.substring(POINTER_VERSION.length()).strip();
        if (!isVersionName(name)) {
          throw badPointer(pointer);
        }
        return Optional.of(name);
      }
    }
    throw badPointer(pointer);
  }

  private static QuiverException badPointer(Path pointer) {
    return new QuiverException(ErrorCode.IO_ERROR, "the dataset pointer '" + pointer + "' is damaged: expected '"
        + POINTER_HEADER + "' and a 'version v-...' line");
  }

  /** The pointer file's text for a version. */
  static String pointerText(String versionName) {
    return POINTER_HEADER + "\n" + POINTER_VERSION + versionName + "\n";
  }

  static boolean isVersionName(String name) {
    return VERSION_NAME.matcher(name).matches();
  }

  /** A fresh version name: sortable by time, unique by its random part. */
  static String newVersionName() {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return VERSION_PREFIX + VERSION_TIME.format(java.time.Instant.now()) + "-" + HexFormat.of().formatHex(random);
  }

  /**
   * The directory a reader lists for a location: the current version of a dataset, else the path
   * itself. Touches the version (see {@link #touch}).
   */
  public static Path readableDirectory(Path path) {
    Optional<Path> version = currentVersion(path);
    version.ifPresent(DatasetLayout::touch);
    return version.orElse(path);
  }

  /**
   * Marks a version as being read now, so that it is kept for the retention time even if a writer
   * supersedes it: its directory's modification time is set to now. Best effort (a read-only
   * directory cannot be deleted by anyone either).
   */
  public static void touch(Path versionDirectory) {
    try {
      Files.setLastModifiedTime(versionDirectory, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // nothing to protect, or nothing we may change
    }
  }

  /** Deletes a tree, best effort; symbolic links are deleted, never followed. */
  public static void deleteTree(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (var children = Files.list(path)) {
          for (Path child : children.toList()) {
            deleteTree(child);
          }
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort: whatever is left is hidden and found again by the next recovery
    }
  }
}
