package io.quiver.engine.cluster.driver;

import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ClusterOptions;
import io.quiver.engine.cluster.protocol.ClusterCalls;
import io.quiver.engine.cluster.protocol.ClusterMessages;
import io.quiver.engine.cluster.protocol.ClusterMessages.MapLocation;
import io.quiver.engine.cluster.protocol.ClusterMessages.TaskStatus;
import io.quiver.engine.cluster.protocol.FlightEndpoints;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.executor.ExecutorInfo;
import io.quiver.engine.executor.ExecutorLossListener;
import io.quiver.engine.executor.TaskBackend;
import io.quiver.engine.executor.TaskHandle;
import io.quiver.engine.executor.TaskLaunch;
import io.quiver.engine.executor.TaskListener;
import io.quiver.engine.executor.TaskResult;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.TaskId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a standalone cluster: executors register at its Flight port and send
 * heartbeats; task attempts wait in one queue and go to a free slot, on the executor holding most
 * of their input when it has room, and not where the partition already failed while another has
 * room. A stage's fragment is sent once per executor (before its first task there). An executor
 * whose heartbeats stop for {@link ClusterConfig#executorTimeoutMillis()}, or that cannot be
 * reached, is lost: listeners hear it first (jobs forget its map output), then its running tasks
 * are reported ended with {@code executorLost}. A result task's rows are streamed from its executor
 * to the result sink, one task's at a time per job ({@link ResultFetcher}), before its success is
 * reported. Every plan runs here: executors read tpch, tpcds and file tables
 * themselves (files from a path every executor can read), and the tables that live in the driver
 * (memory, system, information_schema) through the driver ({@link DriverTableService}).
 *
 * <p>Lock order: a job's lock, then this backend's. Listeners are never called under this lock.
 */
public final class ClusterTaskBackend implements TaskBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterTaskBackend.class);
  private static final long CALL_TIMEOUT_MILLIS = 30_000;
  private static final long PROBE_TIMEOUT_MILLIS = 2_000;

  private final ClusterConfig config;
  private final BufferAllocator allocator;
  private final FlightEndpoints endpoints;
  private final FlightServer server;
  private final Map<String, RemoteExecutor> executors = new LinkedHashMap<>();
  private final Deque<ClusterTask> queue = new ArrayDeque<>();
  private final List<ExecutorLossListener> lossListeners = new CopyOnWriteArrayList<>();
  private final ExecutorService calls;
  private final ScheduledExecutorService monitor;
  private final AtomicInteger executorNumbers = new AtomicInteger();
  /** Lost executors listed beside the live ones (in {@link #executors}), the most recent ones. */
  private static final int LOST_EXECUTORS_KEPT = 32;

  private final Deque<ExecutorInfo> lostExecutors = new ArrayDeque<>();
  /** One result fetch at a time per job: the client reads one stream at a time anyway, and each open fetch holds batches. */
  private final Map<String, Object> resultFetchLocks = new ConcurrentHashMap<>();
  private final AtomicLong fragmentsSent = new AtomicLong();
  private final AtomicLong tasksLaunched = new AtomicLong();
  private boolean closed;
  /** When the last executor went (or the driver started without any); guarded by this. */
  private long noExecutorsSinceNanos = System.nanoTime();

  private ClusterTaskBackend(ClusterConfig config, BufferAllocator parent, TableDataSources driverTables) {
    this.config = config;
    this.allocator = parent.newChildAllocator("cluster driver", 0, parent.getLimit());
    this.endpoints = new FlightEndpoints(config.secret(), config.tls());
    AtomicInteger callThreads = new AtomicInteger();
    this.calls = Executors.newCachedThreadPool(runnable -> daemon(runnable,
        "quiver-cluster-call-" + callThreads.incrementAndGet()));
    this.monitor = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "quiver-cluster-monitor"));
    try {
      this.server = endpoints.startServer(allocator, config.bindHost(), config.port(), new DriverFlightProducer(this,
          new DriverTableService(driverTables, allocator)));
    } catch (RuntimeException e) {
      calls.shutdownNow();
      monitor.shutdownNow();
      allocator.close();
      throw e;
    }
    long period = Math.max(50, config.heartbeatIntervalMillis() / 2);
    monitor.scheduleWithFixedDelay(this::checkHeartbeats, period, period, TimeUnit.MILLISECONDS);
    LOG.info("cluster driver listens for executors on {}:{}", config.bindHost(), server.getPort());
  }

  /**
   * Starts the driver's cluster port.
   *
   * @param driverTables the driver's data sources: executors read the tables of connectors they lack
   *     (memory, system) through the driver with these
   */
  public static ClusterTaskBackend start(ClusterConfig config, BufferAllocator parent, TableDataSources driverTables) {
    ClusterOptions.checkBind(config.bindHost(), config.tls() != null, config.allowPlaintext(), "the cluster port");
    return new ClusterTaskBackend(config, parent, driverTables);
  }

  /** The port executors register at. */
  public int port() {
    return server.getPort();
  }

  /** Executors registered and not lost, by id. */
  public synchronized List<String> executorIds() {
    return List.copyOf(executors.keySet());
  }

  /** Stage fragments sent to executors since start (at most one per executor and stage). */
  public long fragmentsSent() {
    return fragmentsSent.get();
  }

  public long tasksLaunched() {
    return tasksLaunched.get();
  }

  /** Asks every executor what it holds now. */
  public List<ClusterMessages.ExecutorStatus> executorStatuses() {
    List<RemoteExecutor> alive;
    synchronized (this) {
      alive = List.copyOf(executors.values());
    }
    List<ClusterMessages.ExecutorStatus> statuses = new ArrayList<>();
    for (RemoteExecutor executor : alive) {
      statuses.add(ClusterCalls.call(executor.client, ClusterMessages.STATUS, new ClusterMessages.Job(""),
          ClusterMessages.ExecutorStatus.class, CALL_TIMEOUT_MILLIS));
    }
    return statuses;
  }

  @Override
  public synchronized List<ExecutorInfo> executors() {
    List<ExecutorInfo> infos = new ArrayList<>();
    for (RemoteExecutor executor : executors.values()) {
      infos.add(info(executor, "ALIVE"));
    }
    infos.addAll(lostExecutors);
    return infos;
  }

  private static ExecutorInfo info(RemoteExecutor executor, String state) {
    long heartbeat = System.currentTimeMillis()
        - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - executor.lastHeartbeatNanos);
    return new ExecutorInfo(executor.id, executor.host + ":" + executor.port, executor.slots,
        executor.running.size(), -1, -1, -1, heartbeat, state);
  }

  @Override
  public synchronized int slots() {
    return executors.values().stream().mapToInt(executor -> executor.slots).sum();
  }

  @Override
  public int maxTaskAttempts() {
    return config.maxTaskAttempts();
  }

  @Override
  public void addExecutorLossListener(ExecutorLossListener listener) {
    lossListeners.add(listener);
  }

  @Override
  public TaskHandle launch(TaskLaunch launch, TaskListener listener) {
    ClusterTask task = new ClusterTask(launch, listener, this);
    synchronized (this) {
      if (closed) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the cluster driver is shut down");
      }
      queue.addLast(task);
    }
    calls.execute(this::dispatch);
    return task;
  }

  synchronized boolean withdraw(ClusterTask task) {
    if (task.state == ClusterTask.State.QUEUED) {
      task.state = ClusterTask.State.WITHDRAWN;
      queue.remove(task);
      return true;
    }
    return task.state == ClusterTask.State.WITHDRAWN;
  }

  @Override
  public void cancelJob(String jobId, QuiverException reason) {
    for (RemoteExecutor executor : aliveExecutors()) {
      calls.execute(() -> quietCall(executor, ClusterMessages.CANCEL_JOB, new ClusterMessages.Job(jobId)));
    }
  }

  @Override
  public void removeJob(String jobId) {
    resultFetchLocks.remove(jobId);
    for (RemoteExecutor executor : aliveExecutors()) {
      executor.stagesSent.keySet().removeIf(key -> key.startsWith(jobId + "#"));
      calls.execute(() -> quietCall(executor, ClusterMessages.REMOVE_JOB, new ClusterMessages.Job(jobId)));
    }
  }

  // ---- what executors tell the driver

  ClusterMessages.Registered register(ClusterMessages.Register request) {
    if (request.slots() < 1 || request.port() < 1 || request.host() == null || request.host().isBlank()) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER, "executor registration needs a host, a port and slots: "
          + request);
    }
    String id = "executor-" + executorNumbers.incrementAndGet();
    RemoteExecutor executor = new RemoteExecutor(id, request.host(), request.port(), request.slots(),
        endpoints.connect(allocator, request.host(), request.port()));
    synchronized (this) {
      if (closed) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the cluster driver is shut down");
      }
      executors.put(id, executor);
    }
    LOG.info("executor {} registered", executor);
    calls.execute(this::dispatch);
    return new ClusterMessages.Registered(id, config.heartbeatIntervalMillis());
  }

  ClusterMessages.HeartbeatReply heartbeat(ClusterMessages.Heartbeat heartbeat) {
    RemoteExecutor executor;
    synchronized (this) {
      executor = executors.get(heartbeat.executorId());
    }
    if (executor == null) {
      return new ClusterMessages.HeartbeatReply(false);
    }
    executor.lastHeartbeatNanos = System.nanoTime();
    return new ClusterMessages.HeartbeatReply(true);
  }

  void taskStatus(TaskStatus status) {
    TaskId taskId = new TaskId(status.jobId(), status.stageId(), status.partition(), status.attempt());
    ClusterTask task;
    RemoteExecutor executor;
    synchronized (this) {
      executor = executors.get(status.executorId());
      if (executor != null) {
        executor.lastHeartbeatNanos = System.nanoTime();
      }
      task = executor == null ? null : executor.running.remove(taskId);
      if (task == null) {
        return; // from an executor given up for lost, or a duplicate
      }
      executor.releaseSlot(task.slot);
      task.state = ClusterTask.State.ENDED;
    }
    TaskResult result = toResult(status);
    if (status.fetchExecutorId() != null) {
      calls.execute(() -> probe(status.fetchExecutorId()));
    }
    if (result.failure() == null && task.launch.resultSink() != null) {
      RemoteExecutor holder = executor;
      calls.execute(() -> deliverResult(task, holder, result));
    } else {
      task.listener.onTaskEnded(taskId, result);
    }
    calls.execute(this::dispatch);
  }

  private void deliverResult(ClusterTask task, RemoteExecutor executor, TaskResult result) {
    TaskId taskId = task.taskId();
    TaskResult delivered;
    try {
      long bytes;
      synchronized (resultFetchLocks.computeIfAbsent(taskId.jobId(), id -> new Object())) {
        bytes = ResultFetcher.fetch(executor, taskId, allocator, task.launch.resultSink());
      }
      delivered = new TaskResult(result.outcome(), result.outputStatistics(), result.stats().withFetchedResultBytes(bytes),
          result.durationNanos(), null, result.executorId(), null, false);
    } catch (QuiverException e) {
      delivered = failed(result, e, null, false);
    } catch (Exception e) {
      QuiverException error = new QuiverException(ErrorCode.IO_ERROR, "could not fetch the result rows of task "
          + taskId + " from executor " + executor.id + ": " + e.getMessage(), e);
      delivered = failed(result, error,
          new TaskResult.FetchFailure(executor.id, taskId.stageId(), taskId.partition()), false);
      calls.execute(() -> probe(executor.id));
    }
    task.listener.onTaskEnded(taskId, delivered);
  }

  private static TaskResult failed(TaskResult result, QuiverException error, TaskResult.FetchFailure fetch,
      boolean executorLost) {
    Outcome outcome = error.errorCode() == ErrorCode.QUERY_CANCELLED ? Outcome.CANCELLED : Outcome.FAILED;
    return new TaskResult(outcome, null, result.stats(), result.durationNanos(), error, result.executorId(), fetch,
        executorLost);
  }

  private static TaskResult toResult(TaskStatus status) {
    TaskStats metrics = status.stats() == null ? TaskStats.EMPTY : status.stats();
    if (status.outcome() == Outcome.SUCCEEDED) {
      MapOutputStatistics statistics = status.rowsPerPartition() == null ? null
          : new MapOutputStatistics(status.rowsPerPartition(), status.bytesPerPartition());
      return new TaskResult(Outcome.SUCCEEDED, statistics, metrics, status.durationNanos(), null, status.executorId(),
          null, false);
    }
    ErrorCode code = status.errorCode() == null ? ErrorCode.TASK_FAILED : status.errorCode();
    QuiverException error = new QuiverException(code, status.errorMessage() == null
        ? "task failed on executor " + status.executorId() : status.errorMessage());
    TaskResult.FetchFailure fetch = status.fetchExecutorId() == null ? null
        : new TaskResult.FetchFailure(status.fetchExecutorId(), status.fetchStageId(), status.fetchMapPartition());
    return new TaskResult(status.outcome(), null, metrics, status.durationNanos(), error, status.executorId(), fetch,
        false);
  }

  // ---- putting tasks on slots

  private void dispatch() {
    List<ClusterTask> launched = new ArrayList<>();
    synchronized (this) {
      Iterator<ClusterTask> queued = queue.iterator();
      while (queued.hasNext()) {
        ClusterTask task = queued.next();
        if (task.state != ClusterTask.State.QUEUED) {
          queued.remove();
          continue;
        }
        RemoteExecutor executor = choose(task.launch);
        if (executor == null) {
          continue;
        }
        queued.remove();
        task.state = ClusterTask.State.LAUNCHED;
        task.executor = executor;
        task.slot = executor.takeSlot();
        executor.running.put(task.taskId(), task);
        launched.add(task);
      }
    }
    for (ClusterTask task : launched) {
      calls.execute(() -> send(task));
    }
  }

  /** Under the lock: the preferred executor if it has room, else the roomiest one where the task did not fail. */
  private RemoteExecutor choose(TaskLaunch launch) {
    RemoteExecutor preferred = launch.preferredExecutor() == null ? null : executors.get(launch.preferredExecutor());
    if (preferred != null && preferred.freeSlots > 0 && !launch.excludedExecutors().contains(preferred.id)) {
      return preferred;
    }
    RemoteExecutor best = null;
    RemoteExecutor bestExcluded = null;
    boolean anyAllowed = false;
    for (RemoteExecutor executor : executors.values()) {
      boolean excluded = launch.excludedExecutors().contains(executor.id);
      anyAllowed |= !excluded;
      if (executor.freeSlots <= 0) {
        continue;
      }
      if (excluded) {
        if (bestExcluded == null || executor.freeSlots > bestExcluded.freeSlots) {
          bestExcluded = executor;
        }
      } else if (best == null || executor.freeSlots > best.freeSlots) {
        best = executor;
      }
    }
    // Where it failed before only when no other executor is left to try.
    return best != null ? best : anyAllowed ? null : bestExcluded;
  }

  private void send(ClusterTask task) {
    RemoteExecutor executor = task.executor;
    TaskLaunch launch = task.launch;
    TaskId taskId = launch.taskId();
    try {
      sendStage(executor, taskId.jobId(), launch.fragment());
      task.listener.onTaskStarted(taskId, executor.id, task.slot);
      ClusterCalls.call(executor.client, ClusterMessages.LAUNCH, new ClusterMessages.Launch(taskId.jobId(),
          taskId.stageId(), taskId.partition(), taskId.attempt(), locations(launch.sourceLocations())),
          ClusterMessages.ExecutorStatus.class, CALL_TIMEOUT_MILLIS);
      tasksLaunched.incrementAndGet();
    } catch (RuntimeException e) {
      launchFailed(task, executor, e);
    }
  }

  private void launchFailed(ClusterTask task, RemoteExecutor executor, RuntimeException e) {
    synchronized (this) {
      if (executor.running.remove(task.taskId()) == null) {
        return; // the executor was lost meanwhile; its loss reported the task
      }
      executor.releaseSlot(task.slot);
      task.state = ClusterTask.State.ENDED;
    }
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    boolean unreachable = cause instanceof FlightRuntimeException flight
        && (flight.status().code() == FlightStatusCode.UNAVAILABLE
            || flight.status().code() == FlightStatusCode.TIMED_OUT);
    QuiverException error = new QuiverException(ErrorCode.TASK_FAILED, "could not launch task " + task.taskId()
        + " on executor " + executor.id + ": " + cause.getMessage(), cause);
    task.listener.onTaskEnded(task.taskId(), new TaskResult(Outcome.FAILED, null, TaskStats.EMPTY, 0, error,
        executor.id, null, unreachable));
    if (unreachable) {
      lose(executor, "unreachable: " + cause.getMessage());
    }
    dispatch();
  }

  /** Sends a stage's fragment to an executor unless it has it (or is being sent it) already. */
  private void sendStage(RemoteExecutor executor, String jobId, StageFragment fragment) {
    String key = jobId + "#" + fragment.stageId();
    CompletableFuture<Void> sent = new CompletableFuture<>();
    CompletableFuture<Void> earlier = executor.stagesSent.putIfAbsent(key, sent);
    if (earlier != null) {
      earlier.join();
      return;
    }
    try {
      ClusterCalls.call(executor.client, ClusterMessages.STAGE, new ClusterMessages.Stage(jobId, fragment.stageId(),
          FragmentCodec.encode(fragment)), ClusterMessages.ExecutorStatus.class, CALL_TIMEOUT_MILLIS);
      fragmentsSent.incrementAndGet();
      sent.complete(null);
    } catch (RuntimeException e) {
      executor.stagesSent.remove(key, sent);
      sent.completeExceptionally(e);
      throw e;
    }
  }

  private Map<Integer, List<MapLocation>> locations(Map<Integer, List<String>> sources) {
    Map<String, RemoteExecutor> known;
    synchronized (this) {
      known = new HashMap<>(executors);
    }
    Map<Integer, List<MapLocation>> locations = new HashMap<>();
    sources.forEach((stage, executorIds) -> {
      List<MapLocation> stageLocations = new ArrayList<>(executorIds.size());
      for (String id : executorIds) {
        RemoteExecutor executor = known.get(id);
        // A lost executor's address is gone; the read fails and the output is recomputed.
        stageLocations.add(executor == null ? new MapLocation(id, "unknown", 1)
            : new MapLocation(id, executor.host, executor.port));
      }
      locations.put(stage, stageLocations);
    });
    return locations;
  }

  // ---- losing executors

  private void checkHeartbeats() {
    failTasksWithoutExecutors();
    long now = System.nanoTime();
    for (RemoteExecutor executor : aliveExecutors()) {
      long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - executor.lastHeartbeatNanos);
      if (silentMillis > config.executorTimeoutMillis()) {
        lose(executor, "no heartbeat for " + silentMillis + " ms");
      }
    }
  }

  /** Queued tasks fail once no executor has been there for {@link ClusterConfig#executorWaitMillis()}. */
  private void failTasksWithoutExecutors() {
    List<ClusterTask> failed = new ArrayList<>();
    long waitedMillis;
    synchronized (this) {
      if (!executors.isEmpty() || queue.isEmpty()) {
        return;
      }
      waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - noExecutorsSinceNanos);
      if (waitedMillis < config.executorWaitMillis()) {
        return;
      }
      for (ClusterTask task : queue) {
        if (task.state == ClusterTask.State.QUEUED) {
          task.state = ClusterTask.State.ENDED;
          failed.add(task);
        }
      }
      queue.clear();
    }
    for (ClusterTask task : failed) {
      QuiverException error = new QuiverException(ErrorCode.TASK_FAILED, "no executor has been registered with the "
          + "driver for " + waitedMillis + " ms; start executors with: quiver executor --driver HOST:" + port());
      task.listener.onTaskEnded(task.taskId(), new TaskResult(Outcome.FAILED, null, TaskStats.EMPTY, 0, error,
          null, null, false));
    }
  }

  /** Asks an executor that failed to serve a fetch whether it is still there; loses it if not. */
  private void probe(String executorId) {
    RemoteExecutor executor;
    synchronized (this) {
      executor = executors.get(executorId);
    }
    if (executor == null) {
      return;
    }
    try {
      ClusterCalls.call(executor.client, ClusterMessages.PING, new ClusterMessages.Job(""),
          ClusterMessages.ExecutorStatus.class, PROBE_TIMEOUT_MILLIS);
    } catch (RuntimeException e) {
      lose(executor, "unreachable after a failed fetch: " + e.getMessage());
    }
  }

  private void lose(RemoteExecutor executor, String reason) {
    List<ClusterTask> running;
    synchronized (this) {
      if (executors.get(executor.id) != executor) {
        return;
      }
      executors.remove(executor.id);
      lostExecutors.addLast(info(executor, "LOST"));
      while (lostExecutors.size() > LOST_EXECUTORS_KEPT) {
        lostExecutors.removeFirst();
      }
      if (executors.isEmpty()) {
        noExecutorsSinceNanos = System.nanoTime();
      }
      running = new ArrayList<>(executor.running.values());
      executor.running.clear();
      running.forEach(task -> task.state = ClusterTask.State.ENDED);
    }
    LOG.warn("executor {} is lost: {}", executor, reason);
    calls.execute(() -> closeClient(executor));
    for (ExecutorLossListener listener : lossListeners) {
      try {
        listener.onExecutorLost(executor.id, reason);
      } catch (RuntimeException e) {
        LOG.warn("executor loss listener failed", e);
      }
    }
    for (ClusterTask task : running) {
      QuiverException error = new QuiverException(ErrorCode.TASK_FAILED, "executor " + executor.id
          + " was lost while it ran task " + task.taskId() + ": " + reason);
      task.listener.onTaskEnded(task.taskId(), new TaskResult(Outcome.FAILED, null, TaskStats.EMPTY, 0, error,
          executor.id, null, true));
    }
    dispatch();
  }

  // ---- plumbing

  private synchronized List<RemoteExecutor> aliveExecutors() {
    return List.copyOf(executors.values());
  }

  private void quietCall(RemoteExecutor executor, String action, Object message) {
    try {
      ClusterCalls.call(executor.client, action, message, ClusterMessages.ExecutorStatus.class, CALL_TIMEOUT_MILLIS);
    } catch (RuntimeException e) {
      LOG.debug("{} on executor {} failed: {}", action, executor.id, e.toString());
    }
  }

  private static void closeClient(RemoteExecutor executor) {
    try {
      executor.client.close();
    } catch (Exception e) {
      LOG.debug("closing the client of {} failed", executor.id, e);
    }
  }

  /** Stops the cluster port and forgets the executors (which exit when their heartbeats go unanswered). */
  @Override
  public void close() {
    List<RemoteExecutor> known;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      known = List.copyOf(executors.values());
      executors.clear();
      queue.clear();
    }
    monitor.shutdownNow();
    try {
      server.shutdown();
      server.awaitTermination(5, TimeUnit.SECONDS);
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("stopping the cluster port failed", e);
    }
    known.forEach(ClusterTaskBackend::closeClient);
    calls.shutdownNow();
    try {
      calls.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    allocator.close();
  }

  @Override
  public String toString() {
    return "the standalone cluster at port " + port();
  }

  static FlightRuntimeException refused(QuiverException e) {
    return CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
