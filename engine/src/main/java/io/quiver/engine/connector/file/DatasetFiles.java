package io.quiver.engine.connector.file;

import io.quiver.engine.connector.file.layout.DatasetLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a location reads: for a dataset Quiver wrote, the files of its current version (a glob
 * applies inside that version: {@code 'out/*.parquet'}); for anything else, the file, the visible
 * files of the directory, or the files the glob matches ({@link DataDirectories#list}).
 */
final class DatasetFiles {

  private DatasetFiles() {
  }

  /** The files at the location now, with the version they belong to (null outside a dataset). */
  record Listing(List<Path> files, Path version) {
  }

  static Listing list(DataDirectories directories, DataDirectories.Location location) {
    Optional<Path> version = DatasetLayout.currentVersion(location.path());
    if (version.isEmpty()) {
      List<Path> files = directories.list(location);
      return new Listing(location.isGlob() ? withoutStaleVersions(files) : files, null);
    }
    DatasetLayout.touch(version.get());
    DataDirectories.Location inside = new DataDirectories.Location(location.written(), version.get(), location.glob());
    return new Listing(directories.list(inside), version.get());
  }

  /**
   * A glob above datasets matches the files of every version: only the current versions' count.
   * (Versions hold plain files, so a file's parent is its version.)
   */
  private static List<Path> withoutStaleVersions(List<Path> files) {
    Map<Path, Boolean> current = new HashMap<>();
    List<Path> kept = new ArrayList<>();
    for (Path file : files) {
      Path parent = file.getParent();
      boolean keep = current.computeIfAbsent(parent, DatasetFiles::isCurrentOrPlain);
      if (keep) {
        kept.add(file);
      }
    }
    return kept;
  }

  private static boolean isCurrentOrPlain(Path directory) {
    Path dataset = directory.getParent();
    if (dataset == null || !DatasetLayout.isDataset(dataset)) {
      return true;
    }
    return DatasetLayout.currentVersion(dataset).map(directory::equals).orElse(true)
        || !directory.getFileName().toString().startsWith("v-");
  }

  /** The directory whose metadata files ({@code _quiver_columns}, ...) describe the location; null for a glob. */
  static Path metadataDirectory(DataDirectories.Location location) {
    if (location.isGlob()) {
      return null;
    }
    return DatasetLayout.readableDirectory(location.path());
  }
}
