package io.quiver.engine.driver;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.catalog.SchemaCatalogMetadata;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.tpch.TpchConnector;
import io.quiver.engine.connector.tpch.TpchDataCache;
import io.quiver.engine.connector.tpch.TpchSplitPolicy;
import io.quiver.engine.event.EventBus;
import io.quiver.engine.event.SynchronousEventBus;
import io.quiver.engine.executor.LocalExecutor;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.TaskScheduler;
import io.quiver.engine.session.SessionImpl;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.local.InProcessShuffleService;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import io.quiver.planner.PlannerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A driver with one in-process executor: the "local" cluster. Owns the root allocator (limited to
 * {@link QuiverConfig#memoryLimitBytes()}), the catalogs, the event bus, the planner, the DAG and
 * task schedulers, the executor's slot threads and the in-process shuffle.
 */
public final class LocalQuiver implements Quiver {

  /** A join side estimated at no more rows than this is broadcast instead of shuffled. */
  public static final long BROADCAST_THRESHOLD_ROWS = 100_000;

  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  private final QuiverConfig config;
  private final BufferAllocator allocator;
  private final BufferAllocator shuffleAllocator;
  private final InProcessShuffleService shuffle;
  private final CatalogRegistry catalogs = new CatalogRegistry();
  private final CatalogMetadata metadata = new SchemaCatalogMetadata(catalogs);
  private final SynchronousEventBus events = new SynchronousEventBus();
  private final LocalExecutor executor;
  private final DagScheduler scheduler;
  private final QueryDriver driver;
  private final Set<SessionImpl> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicLong sessionNumbers = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  public LocalQuiver(QuiverConfig config) {
    this(config, StatementPlanner.Factory.QUERY_PLANNER, TaskInvoker.TASK_RUNNER);
  }

  /**
   * An engine whose planner or tasks are replaced, for tests.
   *
   * @param plannerFactory makes the planner from the catalog
   * @param taskInvoker what an executor slot does with a task
   */
  public LocalQuiver(QuiverConfig config, StatementPlanner.Factory plannerFactory, TaskInvoker taskInvoker) {
    this.config = config;
    this.allocator = new RootAllocator(config.memoryLimitBytes());
    LocalExecutor startedExecutor = null;
    InProcessShuffleService startedShuffle = null;
    BufferAllocator startedShuffleAllocator = null;
    try {
      catalogs.register(new TpchConnector(new TpchSplitPolicy(config.slots()),
          new TpchDataCache(TpchDataCache.defaultBudgetBytes())));
      MemoryConnector memory = new MemoryConnector(allocator, config.slots());
      try {
        catalogs.register(memory);
      } catch (RuntimeException e) {
        memory.close();
        throw e;
      }
      startedShuffleAllocator = allocator.newChildAllocator("shuffle", 0, allocator.getLimit());
      startedShuffle = new InProcessShuffleService(startedShuffleAllocator,
          new ShuffleSpillSettings(config.shuffleMemoryBytes(), config.spillDirectory()));
      startedExecutor = new LocalExecutor(config.slots(), allocator, startedShuffle, catalogs.dataSources(),
          config.batchSize(), taskInvoker);
      this.scheduler = new DagScheduler(new TaskScheduler(startedExecutor), startedShuffle, events);
      StatementPlanner planner = plannerFactory.create(catalogs.rootSchema(),
          new PlannerSettings(config.shufflePartitions(), BROADCAST_THRESHOLD_ROWS));
      this.driver = new QueryDriver(planner, scheduler, allocator, catalogs);
    } catch (RuntimeException e) {
      closeQuietly(startedExecutor, startedShuffle, startedShuffleAllocator, catalogs::close, allocator);
      throw e;
    }
    this.executor = startedExecutor;
    this.shuffle = startedShuffle;
    this.shuffleAllocator = startedShuffleAllocator;
  }

  @Override
  public QuiverConfig config() {
    return config;
  }

  @Override
  public Session openSession() {
    checkOpen();
    SessionImpl session = new SessionImpl("session_" + sessionNumbers.incrementAndGet(), driver, catalogs,
        sessions::remove);
    sessions.add(session);
    if (closed.get()) {
      sessions.remove(session);
      checkOpen();
    }
    return session;
  }

  @Override
  public CatalogMetadata metadata() {
    return metadata;
  }

  @Override
  public EventBus events() {
    return events;
  }

  /** The catalogs: where connectors are added. */
  public CatalogRegistry catalogs() {
    return catalogs;
  }

  /** The memory catalog, where CREATE TABLE AS stores its tables. */
  public MemoryConnector memoryConnector() {
    return catalogs.connector(MemoryConnector.NAME).map(MemoryConnector.class::cast).orElseThrow();
  }

  /** The executor, for tests and monitoring. */
  public LocalExecutor executor() {
    return executor;
  }

  /** The DAG scheduler, for tests and monitoring. */
  public DagScheduler scheduler() {
    return scheduler;
  }

  /** The shuffle store (in memory, spilling to disk), for tests and monitoring. */
  public InProcessShuffleService shuffle() {
    return shuffle;
  }

  /** Bytes held by every buffer of this engine now. */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  /** The most bytes this engine's buffers held at once since it started (Arrow's peak of the root allocator). */
  public long peakAllocatedBytes() {
    return allocator.getPeakMemoryAllocation();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    run(failures, () -> scheduler.cancelAll(
        new QuiverException(ErrorCode.QUERY_CANCELLED, "the engine is shutting down")));
    for (SessionImpl session : List.copyOf(sessions)) {
      run(failures, session::close);
    }
    run(failures, this::awaitJobs);
    run(failures, executor::close);
    run(failures, catalogs::close);
    run(failures, shuffle::close);
    run(failures, shuffleAllocator::close);
    run(failures, allocator::close);
    if (!failures.isEmpty()) {
      QuiverException error = new QuiverException(ErrorCode.INTERNAL_ERROR,
          "closing the engine failed: " + failures.get(0).getMessage(), failures.get(0));
      failures.subList(1, failures.size()).forEach(error::addSuppressed);
      throw error;
    }
  }

  private void awaitJobs() {
    try {
      if (!scheduler.awaitAllJobs(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR,
            "queries still ran " + SHUTDOWN_WAIT_SECONDS + " s after they were cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "interrupted while stopping queries", e);
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER, "the engine is closed");
    }
  }

  private static void run(List<RuntimeException> failures, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  private static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception ignored) {
        // Already failing; the first error is the one to report.
      }
    }
  }
}
