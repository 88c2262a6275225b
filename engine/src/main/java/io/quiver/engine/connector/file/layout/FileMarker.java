package io.quiver.engine.connector.file.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The hidden marker beside a single file Quiver wrote ({@code out.csv} has {@code .out.csv.quiver}):
 * it records the file's identity (file key, that is device and inode where the system has them,
 * size and modification time), so a file someone else put there, or changed since, is not taken
 * for Quiver's. While a replace is under way the marker lists the old and the new identity, so a
 * crash between its steps leaves a file that is still recognised.
 */
final class FileMarker {

  private static final String HEADER = "quiver-file 1";
  private static final String SUFFIX = ".quiver";

  private FileMarker() {
  }

  /** What identifies one state of a file. */
  record Identity(String key, long size, long modifiedMillis) {

    static Identity of(Path file) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      Object key = attributes.fileKey();
      return new Identity(key == null ? "-" : key.toString().replace(' ', '_'), attributes.size(),
          attributes.lastModifiedTime().toMillis());
    }

    String line() {
      return "file " + key + " " + size + " " + modifiedMillis;
    }

    static Identity parse(String line) {
      String[] parts = line.split(" ");
      if (parts.length != 4 || !"file".equals(parts[0])) {
        return null;
      }
      try {
        return new Identity(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  static Path markerOf(Path file) {
    return file.resolveSibling("." + file.getFileName() + SUFFIX);
  }

  /** True if the file is one Quiver wrote and nobody changed since. */
  static boolean isQuivers(Path file) {
    Path marker = markerOf(file);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !HEADER.equals(lines.get(0))) {
        return false;
      }
      Identity now = Identity.of(file);
      for (String line : lines) {
        if (now.equals(Identity.parse(line))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Replaces the marker in one rename, through a temporary file in {@code staging}. */
  static void write(Path file, List<Identity> identities, Path staging) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Identity identity : identities) {
      lines.add(identity.line());
    }
    Path temporary = staging.resolve("marker");
    Files.write(temporary, lines, StandardCharsets.UTF_8);
    Files.move(temporary, markerOf(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static void delete(Path file) throws IOException {
    Files.deleteIfExists(markerOf(file));
  }
}
