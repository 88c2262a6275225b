package io.quiver.jdbc.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A user name and password from an HTTP BASIC {@code Authorization} header. The password is a char
 * array the holder clears ({@link #clear}) when done with it.
 */
final class BasicCredentials {

  /** Longest Authorization header accepted: far more than any real name and password. */
  static final int MAX_HEADER_LENGTH = 4096;

  private final String name;
  private final char[] password;

  private BasicCredentials(String name, char[] password) {
    this.name = name;
    this.password = password;
  }

  String name() {
    return name;
  }

  char[] password() {
    return password;
  }

  void clear() {
    Arrays.fill(password, '\0');
  }

  /** The credentials in a header; null for a missing, malformed or oversized one. */
  static BasicCredentials parse(String authorization) {
    if (authorization == null || authorization.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    String prefix = "Basic ";
    if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(prefix.length()).strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    char[] text;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded));
      text = new char[chars.remaining()];
      chars.get(text);
    } catch (CharacterCodingException e) {
      return null;
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
    try {
      int colon = -1;
      for (int i = 0; i < text.length; i++) {
        if (text[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon <= 0 || !UserFile.NAME.matcher(CharBuffer.wrap(text, 0, colon)).matches()) {
        return null;
      }
      return new BasicCredentials(new String(text, 0, colon), Arrays.copyOfRange(text, colon + 1, text.length));
    } finally {
      Arrays.fill(text, '\0');
    }
  }
}
