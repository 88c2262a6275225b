package io.quiver.engine.connector.file;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directories files may be read from and written to. Every location is checked twice before
 * use: its normalized path (so {@code ..} cannot climb out) and its real path (so a symbolic link
 * cannot lead out) must both lie inside one of the directories. Relative locations are taken
 * relative to the first directory.
 */
public final class DataDirectories {

  private final List<Path> directories;

  /** @param directories existing directories; at least one */
  public DataDirectories(List<Path> directories) {
    if (directories.isEmpty()) {
      throw new IllegalArgumentException("at least one data directory is needed");
    }
    List<Path> real = new ArrayList<>();
    for (Path directory : directories) {
      try {
        real.add(directory.toAbsolutePath().normalize().toRealPath());
      } catch (IOException e) {
        throw new QuiverException(ErrorCode.IO_ERROR, "data directory '" + directory + "' does not exist", e);
      }
    }
    this.directories = List.copyOf(real);
  }

  public List<Path> directories() {
    return directories;
  }

  /** A checked location: a path, and a glob pattern below it when the location had one. */
  public record Location(String written, Path path, String glob) {

    public boolean isGlob() {
      return glob != null;
    }
  }

  /**
   * Resolves a location for reading or writing.
   *
   * @throws QuiverException ACCESS_DENIED when it lies outside every data directory
   */
  public Location resolve(String location) {
    if (location == null || location.isBlank()) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "a file location is required");
    }
    String text = location.startsWith("file://") ? location.substring("file://".length()) : location;
    int glob = firstGlobCharacter(text);
    String fixedPart = glob < 0 ? text : text.substring(0, Math.max(0, text.lastIndexOf('/', glob)));
    String pattern = glob < 0 ? null : text.substring(fixedPart.isEmpty() ? 0 : fixedPart.length() + 1);
    Path path = directories.get(0).resolve(fixedPart.isEmpty() ? "." : fixedPart).toAbsolutePath().normalize();
    if (pattern != null && (pattern.startsWith("/") || pattern.contains(".."))) {
      throw denied(location);
    }
    checkInside(location, path);
    return new Location(location, path, pattern);
  }

  /**
   * The files a location names, in name order: the file itself, the visible files of a directory
   * (not those starting with {@code .} or {@code _}), or the files a glob matches.
   */
  public List<Path> list(Location location) {
    Path path = location.path();
    List<Path> files = new ArrayList<>();
    if (location.isGlob()) {
      if (!Files.isDirectory(path)) {
        throw new QuiverException(ErrorCode.IO_ERROR, "no directory '" + path + "' for '" + location.written() + "'");
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + location.glob());
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(file -> matcher.matches(path.relativize(file)))
            .filter(file -> !isHidden(path.relativize(file)))
            .forEach(files::add);
      } catch (IOException e) {
        throw new QuiverException(ErrorCode.IO_ERROR, "cannot list '" + location.written() + "': " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new QuiverException(ErrorCode.IO_ERROR, "no files match '" + location.written() + "'");
      }
    } else if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        children.filter(Files::isRegularFile).filter(file -> !isHidden(file.getFileName())).forEach(files::add);
      } catch (IOException e) {
        throw new QuiverException(ErrorCode.IO_ERROR, "cannot list '" + location.written() + "': " + e.getMessage(), e);
      }
    } else if (Files.isRegularFile(path)) {
      files.add(path);
    } else {
      throw new QuiverException(ErrorCode.IO_ERROR, "no file or directory '" + location.written() + "'");
    }
    files.sort(null);
    for (Path file : files) {
      checkInside(location.written(), file);
    }
    return files;
  }

  /** Checks that a path (existing or to be created) lies inside a data directory. */
  public void checkInside(String written, Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    if (!isInside(normalized)) {
      throw denied(written);
    }
    Path existing = normalized;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw denied(written);
    }
    try {
      if (!isInside(existing.toRealPath())) {
        throw denied(written);
      }
    } catch (IOException e) {
      // a dangling symbolic link: its target cannot be checked, so it is refused
      throw denied(written);
    }
  }

  /**
   * The data directory a checked path lies in (the first that holds it), where Quiver keeps the
   * bookkeeping of writes into it.
   */
  public Path home(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    for (Path directory : directories) {
      if (normalized.startsWith(directory)) {
        return directory;
      }
    }
    throw new IllegalArgumentException(path + " is not inside a data directory");
  }

  private boolean isInside(Path path) {
    for (Path directory : directories) {
      if (path.startsWith(directory)) {
        return true;
      }
    }
    return false;
  }

  private QuiverException denied(String location) {
    return new QuiverException(ErrorCode.ACCESS_DENIED, "location '" + location
        + "' is outside the data directories " + directories + " (set them with --data-dir)");
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static int firstGlobCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }
}
