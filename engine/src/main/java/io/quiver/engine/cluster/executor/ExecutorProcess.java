package io.quiver.engine.cluster.executor;

import io.quiver.exec.memory.ExecutorMemoryManager;
import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.cluster.protocol.ClusterCalls;
import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.ClusterMessages.ExecutorStatus;
import io.quiver.engine.cluster.protocol.ClusterMessages.Launch;
import io.quiver.engine.cluster.protocol.ClusterMessages.TaskStatus;
import io.quiver.engine.cluster.protocol.FlightEndpoints;
import io.quiver.engine.connector.file.DataDirectories;
import io.quiver.engine.connector.file.scan.FileDataSource;
import io.quiver.engine.connector.plugin.PluginConnectors;
import io.quiver.engine.connector.plugin.PluginDataSource;
import io.quiver.engine.connector.tpcds.TpcdsDataSource;
import io.quiver.engine.connector.tpch.TpchDataCache;
import io.quiver.engine.connector.tpch.TpchDataSource;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.spill.OrphanDirectories;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import io.quiver.exec.task.CancellationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor process: registers with the driver, sends a heartbeat every interval, runs the tasks
 * it is sent in its slots (the fragment of a stage arrives once, before the stage's first task),
 * keeps their shuffle output and serves it over Flight. It stops, cleanly, when the driver no
 * longer knows it or cannot be reached for {@link ExecutorSettings#driverTimeoutMillis()}.
 */
public final class ExecutorProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorProcess.class);
  private static final long CALL_TIMEOUT_MILLIS = 10_000;
  private static final long REGISTER_RETRY_MILLIS = 500;

  private final ExecutorSettings settings;
  private final BufferAllocator root;
  private final BufferAllocator storeAllocator;
  private final BufferAllocator streamAllocator;
  private final BufferAllocator clientAllocator;
  private final BufferAllocator tasksAllocator;
  private final ExecutorShuffleStore store;
  private final ShuffleCounters counters = new ShuffleCounters();
  private final PeerClients peers;
  private final Path workDir;
  private final FlightServer server;
  private final FlightClient driver;
  private final CountDownLatch registered = new CountDownLatch(1);
  /** Set once registration returns; the driver may send work before this constructor finished. */
  private volatile String executorId;
  private volatile RemoteTaskRunner taskRunner;
  private final long heartbeatIntervalMillis;
  private final ThreadPoolExecutor slots;
  private final ScheduledExecutorService heartbeats;
  private final Map<String, StageFragment> fragments = new ConcurrentHashMap<>();
  private final Map<String, CancellationToken> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger runningTasks = new AtomicInteger();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, io.quiver.spi.Connector> plugins;
  private volatile long lastDriverContactNanos = System.nanoTime();
  private volatile String stopReason;

  private ExecutorProcess(ExecutorSettings settings) {
    this.settings = settings;
    this.root = new RootAllocator(settings.memoryBytes());
    this.storeAllocator = root.newChildAllocator("shuffle store", 0, root.getLimit());
    this.streamAllocator = root.newChildAllocator("shuffle streams", 0, root.getLimit());
    this.clientAllocator = root.newChildAllocator("flight clients", 0, root.getLimit());
    this.tasksAllocator = root.newChildAllocator("tasks", 0, root.getLimit());
    this.workDir = createWorkDir(settings.workDir());
    // Shuffle output past a quarter of the executor's memory spills to its work directory.
    this.store = new ExecutorShuffleStore(storeAllocator, new ShuffleSpillSettings(
        root.getLimit() / ShuffleSpillSettings.DEFAULT_BUDGET_DIVISOR, workDir));
    FlightEndpoints endpoints = new FlightEndpoints(settings.secret(), settings.tls());
    this.peers = new PeerClients(endpoints, clientAllocator);
    this.server = endpoints.startServer(root, settings.bindHost(), settings.port(),
        new ExecutorFlightProducer(this, store, counters, streamAllocator));
    this.driver = endpoints.connect(clientAllocator, settings.driverHost(), settings.driverPort());
    AtomicInteger slotNumbers = new AtomicInteger();
    this.slots = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), runnable -> daemon(runnable, "quiver-executor-slot-"
            + slotNumbers.incrementAndGet()));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable,
        "quiver-executor-heartbeat"));
    TableDataSources dataSources = new TableDataSources();
    dataSources.register(new TpchDataSource(new TpchDataCache(TpchDataCache.defaultBudgetBytes())));
    dataSources.register(new TpcdsDataSource());
    // files from the same paths the driver planned (a shared directory), checked against this process's data directories
    dataSources.register(new FileDataSource(new DataDirectories(settings.effectiveDataDirectories())));
    // connectors written against the SPI, found on this process's class path as on the driver's
    this.plugins = PluginConnectors.load(ExecutorProcess.class.getClassLoader(), List.of());
    plugins.forEach((name, plugin) -> dataSources.register(new PluginDataSource(name, plugin)));
    // memory tables, system.runtime and information_schema live in the driver: read through it
    dataSources.registerFallback(new DriverTableSource(driver));
    ClusterMessages.Registered registration;
    try {
      registration = register();
    } catch (RuntimeException e) {
      slots.shutdownNow();
      heartbeats.shutdownNow();
      throw e;
    }
    this.heartbeatIntervalMillis = registration.heartbeatIntervalMillis();
    this.taskRunner = new RemoteTaskRunner(registration.executorId(), tasksAllocator, store, peers, counters,
        dataSources, settings.batchSize(), new ExecutorMemoryManager(workDir));
    this.executorId = registration.executorId();
    registered.countDown();
    heartbeats.scheduleWithFixedDelay(this::heartbeat, 0, heartbeatIntervalMillis, TimeUnit.MILLISECONDS);
    LOG.info("executor {} serves on {}:{} with {} slots", executorId, settings.advertisedHost(), server.getPort(),
        settings.slots());
  }

  /**
   * Starts an executor and registers it with the driver, trying for up to the driver timeout.
   *
   * @throws QuiverException IO_ERROR if the driver cannot be reached or refuses the executor
   */
  public static ExecutorProcess start(ExecutorSettings settings) {
    ClusterOptions.checkBind(settings.bindHost(), settings.tls() != null, settings.allowPlaintext(),
        "the executor's shuffle port");
    return new ExecutorProcess(settings);
  }

  public String executorId() {
    return executorId;
  }

  public int port() {
    return server.getPort();
  }

  /** Blocks until the executor should stop; returns why. */
  public String awaitStop() throws InterruptedException {
    stopRequested.await();
    return stopReason;
  }

  private ClusterMessages.Registered register() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.driverTimeoutMillis());
    ClusterMessages.Register request = new ClusterMessages.Register(settings.advertisedHost(), server.getPort(),
        settings.slots(), settings.memoryBytes());
    while (true) {
      try {
        return ClusterCalls.call(driver, ClusterMessages.REGISTER, request, ClusterMessages.Registered.class,
            CALL_TIMEOUT_MILLIS);
      } catch (RuntimeException e) {
        boolean refused = e instanceof FlightRuntimeException flight
            && flight.status().code() == FlightStatusCode.UNAUTHENTICATED;
        if (refused || System.nanoTime() > deadline) {
          closeQuietly();
          throw new QuiverException(ErrorCode.IO_ERROR, "could not register with the driver at "
              + settings.driverHost() + ":" + settings.driverPort() + ": " + e.getMessage(), e);
        }
        sleep(REGISTER_RETRY_MILLIS);
      }
    }
  }

  private void heartbeat() {
    try {
      ClusterMessages.HeartbeatReply reply = ClusterCalls.call(driver, ClusterMessages.HEARTBEAT,
          new ClusterMessages.Heartbeat(executorId, runningTasks.get()), ClusterMessages.HeartbeatReply.class,
          Math.max(1_000, heartbeatIntervalMillis * 2));
      lastDriverContactNanos = System.nanoTime();
      if (reply == null || !reply.known()) {
        requestStop("the driver no longer knows executor " + executorId);
      }
    } catch (RuntimeException e) {
      long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastDriverContactNanos);
      if (silentMillis > settings.driverTimeoutMillis()) {
        requestStop("lost the driver: no answer for " + silentMillis + " ms (" + e.getMessage() + ")");
      }
    }
  }

  private void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
      LOG.info("executor {} stops: {}", executorId, reason);
    }
    stopRequested.countDown();
  }

  /** Work can arrive between the driver's reply to the registration and the end of the constructor. */
  private void awaitRegistered() {
    try {
      if (!registered.await(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "this executor has not finished registering");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "interrupted while registering", e);
    }
  }

  Object acceptStage(ClusterMessages.Stage stage) {
    awaitRegistered();
    if (store.isRemoved(stage.jobId())) {
      return acknowledgement();
    }
    fragments.put(stageKey(stage.jobId(), stage.stageId()), FragmentCodec.decodeStage(stage.fragmentJson()));
    return acknowledgement();
  }

  Object launch(Launch launch) {
    awaitRegistered();
    StageFragment fragment = fragments.get(stageKey(launch.jobId(), launch.stageId()));
    CancellationToken cancellation;
    if (store.isRemoved(launch.jobId())) {
      // A launch that crossed the job's removal: answer it without remembering the job again.
      cancellation = new CancellationToken();
      cancellation.cancel(new QuiverException(ErrorCode.QUERY_CANCELLED, "job " + launch.jobId() + " has ended"));
    } else {
      cancellation = jobs.computeIfAbsent(launch.jobId(), id -> new CancellationToken());
    }
    if (fragment == null && !cancellation.isCancelled()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "executor " + executorId + " was not sent stage "
          + launch.stageId() + " of job " + launch.jobId());
    }
    runningTasks.incrementAndGet();
    slots.execute(() -> {
      TaskStatus status;
      try {
        status = cancellation.isCancelled() || fragment == null
            ? taskRunner.cancelled(launch, new QuiverException(ErrorCode.QUERY_CANCELLED, "job cancelled"))
            : taskRunner.run(launch, fragment, cancellation);
      } finally {
        runningTasks.decrementAndGet();
      }
      report(status);
    });
    return acknowledgement();
  }

  /** Tells the driver how a task ended; tries until the driver timeout, since the driver waits for it. */
  private void report(TaskStatus status) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.driverTimeoutMillis());
    while (!closed.get()) {
      try {
        ClusterCalls.call(driver, ClusterMessages.TASK_STATUS, status, null, CALL_TIMEOUT_MILLIS);
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          LOG.warn("could not report task {}.{}.{}.{} to the driver", status.jobId(), status.stageId(),
              status.partition(), status.attempt(), e);
          return;
        }
        sleep(REGISTER_RETRY_MILLIS);
      }
    }
  }

  Object cancelJob(String jobId) {
    if (store.isRemoved(jobId)) {
      return acknowledgement();
    }
    jobs.computeIfAbsent(jobId, id -> new CancellationToken())
        .cancel(new QuiverException(ErrorCode.QUERY_CANCELLED, "job " + jobId + " was cancelled"));
    return acknowledgement();
  }

  Object removeJob(String jobId) {
    cancelJob(jobId);
    store.removeJob(jobId);
    fragments.keySet().removeIf(key -> key.startsWith(jobId + "#"));
    jobs.remove(jobId);
    return acknowledgement();
  }

  /** What it holds now, files of the work directory counted. */
  ExecutorStatus status() {
    return status(true);
  }

  /** The reply to the driver's requests: without walking the work directory. */
  ExecutorStatus acknowledgement() {
    return status(false);
  }

  private ExecutorStatus status(boolean countFiles) {
    return new ExecutorStatus(executorId, runningTasks.get(), jobs.size(), store.outputCount(), store.heldBytes(),
        counters.openStreams.get(), countFiles ? countFiles(workDir) : -1, counters.remoteBytesFetched.get(),
        counters.localBytesRead.get());
  }

  /** Stops the tasks, the Flight server and the clients; frees every buffer; removes the work directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    requestStop("closed");
    heartbeats.shutdownNow();
    QuiverException stopping = new QuiverException(ErrorCode.QUERY_CANCELLED, "the executor is stopping");
    jobs.values().forEach(token -> token.cancel(stopping));
    slots.shutdownNow();
    try {
      slots.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }

  private void closeQuietly() {
    run(() -> {
      server.shutdown();
      server.awaitTermination(5, TimeUnit.SECONDS);
    });
    run(server::close);
    run(() -> {
      if (driver != null) {
        driver.close();
      }
    });
    run(peers::close);
    if (plugins != null) {
      for (io.quiver.spi.Connector plugin : plugins.values()) {
        run(plugin::close);
      }
    }
    run(store::close);
    for (BufferAllocator allocator : new BufferAllocator[] {tasksAllocator, clientAllocator, streamAllocator,
        storeAllocator, root}) {
      run(allocator::close);
    }
    run(() -> deleteRecursively(workDir));
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void run(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("stopping the executor: {}", e.toString());
    }
  }

  private static String stageKey(String jobId, int stageId) {
    return jobId + "#" + stageId;
  }

  /** The start of an executor's work directory name (then its process id). */
  static final String WORK_DIR_PREFIX = "quiver-executor-";

  private static Path createWorkDir(Path parent) {
    try {
      Path base = parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
      Files.createDirectories(base);
      if (parent != null) {
        // work directories of executors that crashed; the shared temporary directory is left alone
        OrphanDirectories.removeOrphans(parent, WORK_DIR_PREFIX);
      }
      return Files.createDirectory(base.resolve(OrphanDirectories.ownPrefix(WORK_DIR_PREFIX) + UUID.randomUUID()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the executor's work directory under " + parent, e);
    }
  }

  private static int countFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "interrupted", e);
    }
  }
}
