package io.quiver.jdbc.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials that passed the slow hash lately, so that a logged-in client's next requests (every
 * JDBC call is an HTTP request) cost one HMAC instead. The key of an entry is an HMAC-SHA256 of the
 * user name and password under a key that lives only in this process: a wrong password has another
 * key and never matches, and the map holds no password. An entry lives while it is used: it is
 * dropped after {@code idleNanos} without a request. The number of entries is bounded.
 */
final class CredentialCache {

  private record Entry(String user, long lastUsedNanos) {
  }

  private final byte[] key = new byte[32];
  private final long idleNanos;
  private final int maxEntries;
  private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

  CredentialCache(long idleNanos, int maxEntries) {
    new SecureRandom().nextBytes(key);
    this.idleNanos = idleNanos;
    this.maxEntries = maxEntries;
  }

  /** The fingerprint a cache lookup uses; computing it is cheap. */
  ByteBuffer fingerprint(String name, char[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(name.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      try {
        return ByteBuffer.wrap(mac.doFinal(array));
      } finally {
        Arrays.fill(array, (byte) 0);
        if (bytes.hasArray()) {
          Arrays.fill(bytes.array(), (byte) 0);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no HmacSHA256", e);
    }
  }

  /** The user of cached credentials, refreshing the entry; null if not cached (or gone idle). */
  String lookup(ByteBuffer fingerprint) {
    long now = System.nanoTime();
    Entry entry = entries.get(fingerprint);
    if (entry == null) {
      return null;
    }
    if (now - entry.lastUsedNanos() > idleNanos) {
      entries.remove(fingerprint, entry);
      return null;
    }
    entries.replace(fingerprint, entry, new Entry(entry.user(), now));
    return entry.user();
  }

  /** Remembers verified credentials. */
  void put(ByteBuffer fingerprint, String user) {
    if (entries.size() >= maxEntries) {
      evictIdle();
      if (entries.size() >= maxEntries) {
        // full of live entries: the oldest goes
        entries.entrySet().stream().min((a, b) -> Long.compare(a.getValue().lastUsedNanos(),
            b.getValue().lastUsedNanos())).ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
      }
    }
    entries.put(fingerprint, new Entry(user, System.nanoTime()));
  }

  private void evictIdle() {
    long now = System.nanoTime();
    entries.entrySet().removeIf(entry -> now - entry.getValue().lastUsedNanos() > idleNanos);
  }

  int size() {
    return entries.size();
  }
}
