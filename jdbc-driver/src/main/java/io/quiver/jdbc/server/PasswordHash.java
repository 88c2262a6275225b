package io.quiver.jdbc.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, deliberately slow password hash (PBKDF2 with HMAC-SHA256 from the JDK), as one line of
 * the users file: {@code name:pbkdf2-sha256:ITERATIONS:SALT:HASH} with salt and hash in Base64.
 * The iteration count travels in the line, so it can be raised later without breaking old lines.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

  /** The algorithm's name in the users file. */
  public static final String SCHEME = "pbkdf2-sha256";
  /** Iterations of new hashes: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  public PasswordHash {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive, was " + iterations);
    }
    if (salt.length == 0 || hash.length == 0) {
      throw new IllegalArgumentException("salt and hash must not be empty");
    }
  }

  /** A new hash of the password with a fresh random salt. */
  public static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /** True if the password is the one hashed; takes as long as hashing (by design). */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  /** The part of a users-file line after {@code name:}. */
  public String encode() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
  }

  /** Reads what {@link #encode()} wrote. */
  public static PasswordHash decode(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH");
    }
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      return new PasswordHash(Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH (" + e.getMessage() + ")", e);
    }
  }

  static byte[] derive(char[] password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no PBKDF2WithHmacSHA256", e);
    } finally {
      ((PBEKeySpec) spec).clearPassword();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasswordHash that && iterations == that.iterations
        && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return SCHEME + ":" + iterations + ":...";
  }
}
