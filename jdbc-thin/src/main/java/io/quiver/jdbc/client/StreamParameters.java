package io.quiver.jdbc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;

/**
 * Reads the streams JDBC's stream and LOB setters take into the value they hold: a parameter is
 * bound as a literal, so it is read whole when it is set. A length says how much to read (JDBC:
 * the stream's length); -1 reads to the end.
 */
final class StreamParameters {

  private StreamParameters() {
  }

  /** The text of a reader (null for a null reader: a NULL parameter). */
  static String text(Reader reader, long length) throws SQLException {
    if (reader == null) {
      return null;
    }
    checkLength(length);
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      while (length < 0 || text.length() < length) {
        int wanted = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - text.length());
        int read = reader.read(buffer, 0, wanted);
        if (read < 0) {
          break;
        }
        text.append(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the parameter's stream: " + e.getMessage(), "22023", e);
    }
    return text.toString();
  }

  /** The bytes of a stream (null for a null stream: a NULL parameter). */
  static byte[] bytes(InputStream in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    checkLength(length);
    try {
      return length < 0 ? in.readAllBytes() : in.readNBytes(Math.toIntExact(length));
    } catch (IOException e) {
      throw new SQLException("cannot read the parameter's stream: " + e.getMessage(), "22023", e);
    } catch (ArithmeticException e) {
      throw new SQLException("a stream parameter of " + length + " bytes is too long", "22023", e);
    }
  }

  private static void checkLength(long length) throws SQLException {
    if (length < -1) {
      throw new SQLException("a stream's length cannot be negative: " + length, "22023");
    }
  }
}
