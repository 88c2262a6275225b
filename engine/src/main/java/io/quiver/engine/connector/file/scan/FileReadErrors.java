package io.quiver.engine.connector.file.scan;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns what Arrow's native reader or Java I/O throws into errors that name the file. */
final class FileReadErrors {

  private FileReadErrors() {
  }

  static QuiverException wrap(Path file, Throwable error) {
    if (error instanceof QuiverException quiver) {
      return quiver;
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (error instanceof NoSuchFileException || message.contains("No such file") || message.contains("not found")) {
      return new QuiverException(ErrorCode.IO_ERROR, "file '" + file + "' does not exist", error);
    }
    return new QuiverException(ErrorCode.MALFORMED_FILE, "cannot read file '" + file + "': " + firstLine(message),
        error);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
