package io.quiver.engine.connector.file.layout;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One engine as the writer of its data directories: it has an owner id, registers it in a data
 * directory's {@code .quiver/owners} (holding an OS lock) when it first writes there, journals its
 * writes, retires the versions they supersede and deletes them when their time has come. When it
 * starts, it recovers after the owners that died (their lock is free) in every data directory.
 */
public final class WriteOwner implements AutoCloseable {

  /** System property: seconds a superseded version is kept after its last reader touched it. */
  public static final String RETENTION_PROPERTY = "quiver.files.retentionSeconds";
  /** Ten minutes: longer than a query waits between planning and opening its next file. */
  public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

  /** The owners of this process: never checked through their lock files. */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
  private static final Object RECOVERY = new Object();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id;
  private final Duration retention;
  private final Map<Path, StateDirectory> states = new ConcurrentHashMap<>();
  private ScheduledExecutorService sweeper;
  private boolean closed;

  /** Registers nothing yet; recovers in each data directory that has Quiver's state. */
  public WriteOwner(List<Path> dataDirectories, Duration retention) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    this.id = HexFormat.of().formatHex(bytes);
    this.retention = retention;
    LIVE.add(id);
    for (Path directory : dataDirectories) {
      StateDirectory state = new StateDirectory(directory);
      states.put(directory, state);
      synchronized (RECOVERY) {
        state.recover(Set.copyOf(LIVE), retention);
      }
      if (state.hasRetired()) {
        scheduleSweeps();
      }
    }
  }

  /** The retention from {@value #RETENTION_PROPERTY}, else {@link #DEFAULT_RETENTION}. */
  public static Duration configuredRetention() {
    String text = System.getProperty(RETENTION_PROPERTY);
    if (text == null || text.isBlank()) {
      return DEFAULT_RETENTION;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(text.strip())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("system property " + RETENTION_PROPERTY + " is not a number of seconds: '"
          + text + "'", e);
    }
  }

  public String id() {
    return id;
  }

  /**
   * Starts a write into a target inside {@code dataDirectory}: journals it and creates its staging
   * directory beside the target.
   */
  public LocationWrite begin(Path dataDirectory, WriteTarget target) {
    StateDirectory state = states.computeIfAbsent(dataDirectory, StateDirectory::new);
    try {
      state.register(id);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "cannot write into the data directory '" + dataDirectory
          + "': its bookkeeping directory " + StateDirectory.NAME + " is not writable (" + e.getMessage() + ")", e);
    }
    return LocationWrite.begin(this, state, target);
  }

  /** After a commit: deletes what is due now and makes sure the rest is deleted in time. */
  void committed(StateDirectory state) {
    state.sweep(retention);
    if (state.hasRetired()) {
      scheduleSweeps();
    }
  }

  Duration retention() {
    return retention;
  }

  private synchronized void scheduleSweeps() {
    if (sweeper != null || closed) {
      return;
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "quiver-version-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(1_000, Math.min(60_000, retention.toMillis() / 2));
    sweeper.scheduleWithFixedDelay(() -> {
      for (StateDirectory state : states.values()) {
        state.sweep(retention);
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops sweeping, deletes what is due and gives up ownership; versions not due yet stay recorded
   * for the next engine that writes or starts here.
   */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = sweeper;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      try {
        stopping.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (StateDirectory state : states.values()) {
      state.sweep(retention);
      state.unregister();
    }
    LIVE.remove(id);
  }
}
