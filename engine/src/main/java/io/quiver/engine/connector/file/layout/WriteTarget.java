package io.quiver.engine.connector.file.layout;

import io.quiver.engine.connector.file.WriteMode;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a write finds at its location, and whether it may write there. Quiver writes only where it
 * destroys nothing it did not make:
 *
 * <ul>
 *   <li>a path that does not exist, or an empty directory: a new dataset (or single file);
 *   <li>a dataset or single file Quiver wrote: COPY replaces it, INSERT adds to it, CREATE TABLE ...
 *       AS refuses it unless {@code overwrite = true};
 *   <li>a directory holding other files: refused unless {@code overwrite = true}, which makes it a
 *       dataset while keeping every file in it (readers of the location then read the dataset);
 *       INSERT adds its files beside the others;
 *   <li>a file Quiver did not write: always refused, and so is a file where a directory would go.
 * </ul>
 *
 * Refusals are {@link ErrorCode#LOCATION_EXISTS} (42P07) naming the location. The check runs before
 * the query and again, under the location's commit lock, just before the commit.
 *
 * @param singleFile the location names one file (its name ends with the format's extension)
 */
public record WriteTarget(Path path, String written, WriteMode mode, boolean singleFile, Kind kind) {

  /** What is at the location now. */
  public enum Kind {
    /** Nothing: the write creates it. */
    ABSENT,
    /** An empty directory (Quiver's own staging directories aside). */
    EMPTY_DIRECTORY,
    /** A dataset directory Quiver wrote. */
    DATASET,
    /** A directory with files Quiver did not write, which stay. */
    FOREIGN_DIRECTORY,
    /** A single file Quiver wrote. */
    QUIVER_FILE
  }

  /**
   * Looks at the location and decides.
   *
   * @param extension the format's file extension, without the dot
   * @throws QuiverException LOCATION_EXISTS or NOT_SUPPORTED when the write may not go there
   */
  public static WriteTarget check(Path path, String written, String extension, WriteMode mode, boolean overwrite) {
    boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean singleFile = name.endsWith("." + extension) && !Files.isDirectory(path);
    if (singleFile) {
      if (mode == WriteMode.APPEND) {
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "cannot append to the single file '" + written
            + "'; use a directory");
      }
      if (!exists) {
        return new WriteTarget(path, written, mode, true, Kind.ABSENT);
      }
      if (!FileMarker.isQuivers(path)) {
        throw exists(written, "exists and was not written by Quiver; Quiver replaces only files it wrote: move or "
            + "delete it first, or write elsewhere");
      }
      if (mode == WriteMode.CREATE && !overwrite) {
        throw exists(written, "already holds a file; WITH (overwrite = true) replaces it");
      }
      return new WriteTarget(path, written, mode, true, Kind.QUIVER_FILE);
    }
    if (!exists) {
      return new WriteTarget(path, written, mode, false, Kind.ABSENT);
    }
    if (!Files.isDirectory(path)) {
      throw exists(written, "is a file, and Quiver would write a directory there; Quiver never replaces a file it "
          + "did not write" + (name.contains(".") ? " (the format decides: a name ending in .parquet, .csv or .arrow "
          + "is written as one file)" : ""));
    }
    if (DatasetLayout.isDataset(path)) {
      if (mode == WriteMode.CREATE && !overwrite) {
        throw exists(written, "already holds a dataset; WITH (overwrite = true) replaces it");
      }
      return new WriteTarget(path, written, mode, false, Kind.DATASET);
    }
    if (isEmpty(path)) {
      return new WriteTarget(path, written, mode, false, Kind.EMPTY_DIRECTORY);
    }
    if (mode != WriteMode.APPEND && !overwrite) {
      throw exists(written, "is a directory holding files Quiver did not write; WITH (overwrite = true) writes "
          + "the dataset into it and keeps those files");
    }
    return new WriteTarget(path, written, mode, false, Kind.FOREIGN_DIRECTORY);
  }

  /** True if the new data goes beside files Quiver did not write, without a pointer (INSERT). */
  public boolean addsBesideForeignFiles() {
    return kind == Kind.FOREIGN_DIRECTORY && mode == WriteMode.APPEND;
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.allMatch(child -> child.getFileName().toString().startsWith(DatasetLayout.STAGING_PREFIX));
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot list '" + directory + "': " + e.getMessage(), e);
    }
  }

  private static QuiverException exists(String written, String what) {
    return new QuiverException(ErrorCode.LOCATION_EXISTS, "location '" + written + "' " + what);
  }
}
