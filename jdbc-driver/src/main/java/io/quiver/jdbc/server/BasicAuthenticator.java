package io.quiver.jdbc.server;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks HTTP BASIC credentials against the {@link UserFile}.
 *
 * <p>The slow hash runs once per user and password: a success is remembered as an HMAC of the
 * password under a key that lives only in this process, so the following requests of a client
 * (every JDBC call is an HTTP request) cost microseconds. Failures are never remembered, stay slow,
 * and at most a few run at once, so guessing cannot take all the cores. Unknown users cost a hash
 * too, so timing does not tell which names exist.
 */
final class BasicAuthenticator {

  /** Longest Authorization header accepted: far more than any real name and password. */
  private static final int MAX_HEADER_LENGTH = 4096;

  private final UserFile users;
  private final byte[] cacheKey = new byte[32];
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
  private final Semaphore slowChecks;
  /** Hashed for unknown users, at the file's highest cost, so they take as long as known ones. */
  private final byte[] dummySalt = new byte[16];

  BasicAuthenticator(UserFile users) {
    this.users = users;
    SecureRandom random = new SecureRandom();
    random.nextBytes(cacheKey);
    random.nextBytes(dummySalt);
    this.slowChecks = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /** The authenticated user name, or null for a missing, malformed or wrong credential. */
  String authenticate(String authorization) {
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
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(decoded));
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
      if (colon <= 0) {
        return null;
      }
      String name = new String(text, 0, colon);
      char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
      try {
        return check(name, password) ? name : null;
      } finally {
        Arrays.fill(password, '\0');
      }
    } finally {
      Arrays.fill(text, '\0');
    }
  }

  private boolean check(String name, char[] password) {
    byte[] fingerprint = fingerprint(name, password);
    byte[] known = verified.get(name);
    if (known != null && MessageDigest.isEqual(known, fingerprint)) {
      return true;
    }
    PasswordHash hash = users.get(name);
    slowChecks.acquireUninterruptibly();
    boolean matches;
    try {
      if (hash != null) {
        matches = hash.matches(password);
      } else {
        PasswordHash.derive(password, dummySalt, users.maxIterations());
        matches = false;
      }
    } finally {
      slowChecks.release();
    }
    if (matches) {
      verified.put(name, fingerprint);
    }
    return matches;
  }

  private byte[] fingerprint(String name, char[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      mac.update(name.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).array();
      try {
        return mac.doFinal(bytes);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no HmacSHA256", e);
    }
  }
}
