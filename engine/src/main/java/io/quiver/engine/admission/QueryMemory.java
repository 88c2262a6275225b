package io.quiver.engine.admission;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.TaskId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.AllocationOutcomeDetails;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The memory limits of queries and users, as allocators: the tasks of a query get their allocators
 * under one allocator of the query (limited to the per-query limit), which sits under one of its
 * user (limited to the per-user limit), under the executor's. Arrow then refuses an allocation that
 * would pass a limit; the task fails with MEMORY_LIMIT_EXCEEDED (53200) naming the limit, its query
 * fails, and other queries keep running. The driver registers which user runs which job; jobs it
 * does not know, and every job while no memory limit is set, get plain task allocators.
 *
 * <p>Applies to the tasks of the in-process executor (local mode); a cluster's executors have their
 * own memory limit ({@code --memory}).
 */
public final class QueryMemory implements AutoCloseable {

  private final AdmissionController admission;
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Map<String, BufferAllocator> userAllocators = new ConcurrentHashMap<>();
  private final Map<String, BufferAllocator> jobAllocators = new ConcurrentHashMap<>();

  public QueryMemory(AdmissionController admission) {
    this.admission = admission;
  }

  /** The job (a query id) runs for the user; until {@link #unregister}. */
  public void register(String jobId, String user) {
    users.put(jobId, user);
  }

  public void unregister(String jobId) {
    users.remove(jobId);
  }

  /** A task's allocator, under its query's and its user's when limits apply. */
  public synchronized BufferAllocator newTaskAllocator(TaskId task, BufferAllocator executor) {
    String user = users.get(task.jobId());
    AdmissionLimits limits = admission.limits();
    long userLimit = user == null ? 0 : admission.memoryOf(user, limits);
    if (user == null || (limits.queryMemoryBytes() == 0 && userLimit == 0)) {
      return executor.newChildAllocator("task " + task, 0, executor.getLimit());
    }
    BufferAllocator userAllocator = userAllocators.computeIfAbsent(user, name -> executor.newChildAllocator(
        "user " + name, 0, userLimit == 0 ? executor.getLimit() : userLimit));
    if (userAllocator.getLimit() != (userLimit == 0 ? executor.getLimit() : userLimit)) {
      userAllocator.setLimit(userLimit == 0 ? executor.getLimit() : userLimit);
    }
    // only the allocator of a limit has it, so that a refusal names the limit it came from
    BufferAllocator job = jobAllocators.computeIfAbsent(task.jobId(), id -> userAllocator.newChildAllocator(
        "query " + id, 0, limits.queryMemoryBytes() == 0 ? executor.getLimit() : limits.queryMemoryBytes()));
    return job.newChildAllocator("task " + task, new LimitNames(task.jobId(), job, user, userAllocator), 0,
        executor.getLimit());
  }

  /** The job ended (all its tasks did): its allocator goes. */
  public synchronized void jobEnded(String jobId) {
    BufferAllocator job = jobAllocators.get(jobId);
    if (job != null && job.getChildAllocators().isEmpty()) {
      jobAllocators.remove(jobId);
      job.close();
    }
  }

  /** Closes what is left (the engine is stopping: every task has ended). */
  @Override
  public synchronized void close() {
    for (BufferAllocator job : jobAllocators.values()) {
      job.close();
    }
    jobAllocators.clear();
    for (BufferAllocator user : userAllocators.values()) {
      user.close();
    }
    userAllocators.clear();
  }

  /** Turns a refusal by the query's or the user's allocator into an error that names the limit. */
  private record LimitNames(String jobId, BufferAllocator job, String user, BufferAllocator userAllocator)
      implements AllocationListener {

    @Override
    public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
      BufferAllocator failed = outcome.getDetails().map(AllocationOutcomeDetails::getFailedAllocator).orElse(null);
      if (failed == job) {
        throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, jobId + " needs more than its memory limit of "
            + SessionLimits.bytes(job.getLimit()) + " (query_memory_limit; the server's --query-memory)");
      }
      if (failed == userAllocator) {
        throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the queries of user " + user + " need more than "
            + "their memory limit of " + SessionLimits.bytes(userAllocator.getLimit())
            + " (user_memory_limit; the server's --user-memory or the users file)");
      }
      return false;
    }
  }
}
