package io.quiver.engine.connector.file.layout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the commits into one location, between the threads of this process (a lock per lock
 * file) and between processes sharing the data directory (an OS lock on {@code .quiver/locks/HASH.lock}).
 * Two writers of one dataset would otherwise both replace the same version and leave the loser's
 * version unreferenced. Only one channel per lock file is open in this process at a time, so closing
 * it never drops another thread's lock.
 */
final class CommitLock implements AutoCloseable {

  private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;

  private CommitLock(ReentrantLock local, FileChannel channel) {
    this.local = local;
    this.channel = channel;
  }

  /** Waits for the lock of a location (an absolute, normalized path inside the data directory). */
  static CommitLock acquire(StateDirectory state, Path location) throws IOException {
    Path file = state.locks().resolve(hash(state.dataDirectory().relativize(location).toString()) + ".lock");
    ReentrantLock local = LOCAL.computeIfAbsent(file, key -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      return new CommitLock(local, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // the lock is released with the channel
    } finally {
      local.unlock();
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no SHA-256", e);
    }
  }
}
