package io.quiver.engine.driver;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.access.Subject;
import java.nio.file.Path;
import java.util.Map;
import io.quiver.engine.admission.AdmissionController;
import io.quiver.engine.admission.QueryMemory;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.catalog.SchemaCatalogMetadata;
import io.quiver.engine.connector.file.DataDirectories;
import io.quiver.engine.connector.file.FileSource;
import io.quiver.engine.connector.file.FileTableFunction;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.connector.file.LocalFileTables;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.connector.file.scan.FileDataSource;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.plugin.PluginCatalog;
import io.quiver.engine.connector.plugin.PluginConnectors;
import io.quiver.engine.connector.system.InformationSchemaTable;
import io.quiver.engine.connector.system.SystemConnector;
import io.quiver.engine.connector.tpcds.TpcdsConnector;
import io.quiver.engine.profile.RuntimeHistory;
import io.quiver.engine.connector.tpch.TpchConnector;
import io.quiver.engine.connector.tpch.TpchDataCache;
import io.quiver.engine.connector.tpch.TpchSplitPolicy;
import io.quiver.engine.event.EventBus;
import io.quiver.engine.event.SynchronousEventBus;
import io.quiver.engine.executor.LocalExecutor;
import io.quiver.engine.executor.TaskBackend;
import io.quiver.engine.executor.TaskBackendFactory;
import io.quiver.engine.executor.TaskInvoker;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.TaskScheduler;
import io.quiver.engine.session.SessionImpl;
import io.quiver.engine.session.SessionSettings;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.local.InProcessShuffleService;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import io.quiver.planner.PlannerSettings;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.sql.SqlNode;

/**
 * A driver with one in-process executor: the "local" cluster. Owns the root allocator (limited to
 * {@link QuiverConfig#memoryLimitBytes()}), the catalogs, the event bus, the planner, the DAG and
 * task schedulers, the executor's slot threads and the in-process shuffle.
 */
public final class LocalQuiver implements Quiver {

  /** A join side estimated at no more rows than this is broadcast instead of shuffled. */
  public static final long BROADCAST_THRESHOLD_ROWS = 100_000;

  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  /** System property: finished queries and jobs {@code system.runtime} remembers (default 100). */
  public static final String HISTORY_SIZE_PROPERTY = "quiver.runtime.history";

  private final QuiverConfig config;
  private final BufferAllocator allocator;
  private final BufferAllocator shuffleAllocator;
  private final InProcessShuffleService shuffle;
  private final CatalogRegistry catalogs = new CatalogRegistry();
  private final CatalogMetadata metadata = new SchemaCatalogMetadata(catalogs);
  private final SynchronousEventBus events = new SynchronousEventBus();
  private final RuntimeHistory history = new RuntimeHistory(
      Integer.getInteger(HISTORY_SIZE_PROPERTY, RuntimeHistory.DEFAULT_HISTORY_SIZE));
  private final TaskBackend executor;
  private final DagScheduler scheduler;
  private final QueryDriver driver;
  private final LocalFileTables fileTables;
  private final AdmissionController admission = new AdmissionController();
  private final AccessControl access = new AccessControl();
  private final TemporarySchemas temporarySchemas = new TemporarySchemas(catalogs, access);
  private final QueryMemory queryMemory = new QueryMemory(admission);
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
    this(config, plannerFactory, taskInvoker, TaskBackendFactory.LOCAL);
  }

  /**
   * An engine whose tasks run on the backend {@code backends} makes: its own slots (local mode) or
   * the executors of a cluster.
   */
  public LocalQuiver(QuiverConfig config, StatementPlanner.Factory plannerFactory, TaskInvoker taskInvoker,
      TaskBackendFactory backends) {
    this(config, plannerFactory, taskInvoker, backends, null);
  }

  /**
   * An engine whose tables over files are read and written by {@code fileTables} (tests pass a fake).
   */
  public LocalQuiver(QuiverConfig config, FileTables fileTables) {
    this(config, StatementPlanner.Factory.QUERY_PLANNER, TaskInvoker.TASK_RUNNER, TaskBackendFactory.LOCAL,
        fileTables);
  }

  /**
   * An engine whose planner, tasks or file tables are replaced, for tests.
   *
   * @param fileTables reads and writes tables over files (CREATE TABLE ... WITH, INSERT, COPY)
   */
  public LocalQuiver(QuiverConfig config, StatementPlanner.Factory plannerFactory, TaskInvoker taskInvoker,
      FileTables fileTables) {
    this(config, plannerFactory, taskInvoker, TaskBackendFactory.LOCAL, fileTables);
  }

  /**
   * The engine with every part chosen: planner, what a slot does with a task, where tasks run, and
   * who reads and writes tables over files for statements.
   *
   * @param fileTables what CREATE TABLE ... WITH, INSERT into file tables and COPY use; null for the
   *     engine's own files under its data directories
   */
  public LocalQuiver(QuiverConfig config, StatementPlanner.Factory plannerFactory, TaskInvoker taskInvoker,
      TaskBackendFactory backends, FileTables fileTables) {
    this.config = config;
    this.allocator = new RootAllocator(config.memoryLimitBytes());
    TaskBackend startedExecutor = null;
    InProcessShuffleService startedShuffle = null;
    BufferAllocator startedShuffleAllocator = null;
    try {
      TpchSplitPolicy splitPolicy = new TpchSplitPolicy(config.slots());
      catalogs.register(new TpchConnector(splitPolicy, new TpchDataCache(TpchDataCache.defaultBudgetBytes())));
      catalogs.register(new TpcdsConnector(splitPolicy::splitCount));
      MemoryConnector memory = new MemoryConnector(allocator, config.slots());
      try {
        catalogs.register(memory);
      } catch (RuntimeException e) {
        memory.close();
        throw e;
      }
      events.subscribe(history);
      SystemConnector system = new SystemConnector(catalogs, history, access);
      catalogs.register(system);
      catalogs.registerAlias(InformationSchemaTable.SCHEMA_NAME, system.informationSchema());
      // connectors written against the SPI, found on the class path (executor processes load the same)
      PluginConnectors.load(LocalQuiver.class.getClassLoader(), catalogs.catalogNames())
          .forEach((name, plugin) -> catalogs.register(new PluginCatalog(name, plugin)));
      DataDirectories dataDirectories = new DataDirectories(config.effectiveDataDirectories());
      this.fileTables = new LocalFileTables(dataDirectories, allocator);
      catalogs.dataSources().register(new FileDataSource(dataDirectories));
      FileTableFunction.all(this.fileTables).forEach(catalogs.rootSchema()::add);
      startedShuffleAllocator = allocator.newChildAllocator("shuffle", 0, allocator.getLimit());
      startedShuffle = new InProcessShuffleService(startedShuffleAllocator,
          new ShuffleSpillSettings(config.shuffleMemoryBytes(), config.spillDirectory()));
      startedExecutor = backends.create(config, allocator, startedShuffle, catalogs.dataSources(), taskInvoker);
      if (startedExecutor instanceof LocalExecutor local) {
        local.limitMemory(queryMemory);
      }
      history.setExecutors(startedExecutor::executors);
      this.scheduler = new DagScheduler(new TaskScheduler(startedExecutor), startedShuffle, events);
      this.driver = new QueryDriver(settings -> plannerFactory.create(catalogs.rootSchema(), settings),
          new PlannerSettings(config.shufflePartitions(), BROADCAST_THRESHOLD_ROWS), scheduler, allocator, catalogs,
          metadata, fileTables != null ? fileTables : this.fileTables, queryMemory, history, access);
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

  /** A session of the engine's own user, who has every right. */
  @Override
  public Session openSession() {
    return openSession(Subject.ENGINE);
  }

  /** A session of a server's user: the privileges {@link #access()} gives them. */
  @Override
  public Session openSession(String user) {
    return openSession(access.subject(user));
  }

  private Session openSession(Subject subject) {
    checkOpen();
    SessionImpl session = new SessionImpl("session_" + sessionNumbers.incrementAndGet(), subject, admission, driver,
        catalogs, config, temporarySchemas, sessions::remove);
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

  /** When statements may start and how much memory queries may hold ({@link AdmissionController#configure}). */
  public AdmissionController admission() {
    return admission;
  }

  /**
   * Grants and owners are saved in {@code .quiver/grants.json} under the first data directory; a
   * first start lets everyone read the {@code tpch} and {@code tpcds} catalogs and create in
   * {@code memory.default}.
   */
  @Override
  public void enforceAccess(Map<String, Set<String>> rolesOfUsers) {
    Path state = config.effectiveDataDirectories().get(0).resolve(".quiver");
    access.enforce(rolesOfUsers, state, List.of(TpchConnector.NAME, TpcdsConnector.NAME),
        List.of(List.of(MemoryConnector.NAME, MemoryConnector.DEFAULT_SCHEMA)), this::exists);
  }

  /** Whether a catalog, schema or table is there now (saved grants on what is gone are forgotten). */
  private boolean exists(SecuredObject object) {
    List<String> path = object.path();
    if (catalogs.catalog(path.get(0)).isEmpty()) {
      return false;
    }
    if (path.size() == 1) {
      return true;
    }
    if (catalogs.schema(path.get(0), path.get(1)).isEmpty()) {
      return false;
    }
    if (path.size() == 2) {
      return true;
    }
    if (MemoryConnector.NAME.equals(path.get(0))) {
      return memoryConnector().object(path.get(1), path.get(2)).isPresent();
    }
    return catalogs.schema(path.get(0), path.get(1)).map(schema -> schema.entity().tables().get(path.get(2)) != null)
        .orElse(false);
  }

  @Override
  public AccessControl access() {
    return access;
  }

  @Override
  public RuntimeHistory history() {
    return history;
  }

  /** The catalogs: where connectors are added. */
  public CatalogRegistry catalogs() {
    return catalogs;
  }

  /** Files as tables, and query results written into files, under the configured data directories. */
  public FileTables fileTables() {
    return fileTables;
  }

  /**
   * Runs a query and writes its result into files, as COPY (query) TO does.
   *
   * @return the rows written
   */
  public long writeToFiles(String sql, List<String> defaultSchemaPath, FileSource target, WriteMode mode) {
    checkOpen();
    StatementContext context = new StatementContext(defaultSchemaPath, List.of(defaultSchemaPath, List.of()),
        new SessionSettings(config), null);
    PlannedStatement planned = driver.plan(parseQuery(sql), false, context);
    if (planned.kind() != PlannedStatement.Kind.QUERY) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "only a query's result can be written to files");
    }
    String jobId = "write_" + sessionNumbers.incrementAndGet();
    return fileTables.write(target, planned, mode, (query, sink) -> runToEnd(jobId, sql, query, sink));
  }

  private static SqlNode parseQuery(String sql) {
    try {
      return QuiverSqlParser.parseQuery(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
  }

  private void runToEnd(String jobId, String sql, PlannedStatement query, ResultSink sink) {
    CompletableFuture<JobExecution> ended = new CompletableFuture<>();
    JobExecution job = scheduler.submitJob(jobId, sql, query.stagePlan(), new CancellationToken(), sink,
        ended::complete);
    try {
      ended.get();
    } catch (InterruptedException e) {
      job.cancel(new QuiverException(ErrorCode.QUERY_CANCELLED, "the write was interrupted"));
      ended.join();
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the write was interrupted");
    } catch (ExecutionException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "waiting for " + jobId + " failed: " + e.getCause(),
          e.getCause());
    }
    QuiverException failure = job.failure();
    if (failure != null) {
      throw new QuiverException(failure.errorCode(), failure.getMessage(), failure);
    }
  }

  /** The memory catalog, where CREATE TABLE AS stores its tables. */
  public MemoryConnector memoryConnector() {
    return catalogs.connector(MemoryConnector.NAME).map(MemoryConnector.class::cast).orElseThrow();
  }

  /**
   * The in-process executor, for tests and monitoring.
   *
   * @throws IllegalStateException when tasks run on a cluster's executors
   */
  public LocalExecutor executor() {
    if (executor instanceof LocalExecutor local) {
      return local;
    }
    throw new IllegalStateException("this engine runs its tasks on " + executor + ", not in-process");
  }

  /** Where this engine's tasks run. */
  public TaskBackend taskBackend() {
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
    run(failures, fileTables::close);
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
