package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.protocol.ClusterMessages.MapLocation;
import io.quiver.engine.cluster.protocol.ClusterMessages.ShuffleTicket;
import io.quiver.engine.cluster.protocol.MessageCodec;
import io.quiver.exec.batch.Batches;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.task.TaskMetrics;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The shuffle as one task on an executor sees it: it writes to this executor's store, and reads
 * each map partition where the driver said it lives: from the store when that is here, over Arrow
 * Flight from the executor holding it otherwise. A map output that cannot be read fails the task
 * with a {@link ShuffleFetchFailedException} naming the executor.
 */
final class TaskShuffle implements ShuffleService {

  private final String executorId;
  private final ExecutorShuffleStore store;
  private final Map<Integer, List<MapLocation>> sources;
  private final PeerClients peers;
  private final ShuffleCounters counters;
  private final TaskMetrics metrics;

  /** @param metrics the task's, told the rows and bytes fetched from other executors */
  TaskShuffle(String executorId, ExecutorShuffleStore store, Map<Integer, List<MapLocation>> sources,
      PeerClients peers, ShuffleCounters counters, TaskMetrics metrics) {
    this.metrics = metrics;
    this.executorId = executorId;
    this.store = store;
    this.sources = sources;
    this.peers = peers;
    this.counters = counters;
  }

  @Override
  public ShuffleWriter openWriter(ShuffleId shuffle, int mapPartition, int reducePartitionCount, Schema schema) {
    return store.openWriter(shuffle.jobId(), shuffle.stageId(), mapPartition, reducePartitionCount, schema);
  }

  @Override
  public ShuffleReader read(ShuffleId shuffle, int reducePartition, int mapPartitionCount, BufferAllocator allocator) {
    List<MapLocation> locations = sources.get(shuffle.stageId());
    if (locations == null || locations.size() != mapPartitionCount) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the task was not told where the " + mapPartitionCount
          + " map outputs of stage " + shuffle.stageId() + " are (it knows " + locations + ")");
    }
    return new LocatedReader(shuffle, reducePartition, locations, allocator);
  }

  /** Jobs are removed by the driver's {@code remove-job}, not by tasks. */
  @Override
  public void removeJob(String jobId) {
  }

  /** Reads the map partitions one after another; opens each only when the previous one is done. */
  private final class LocatedReader implements ShuffleReader {

    private final ShuffleId shuffle;
    private final int reducePartition;
    private final List<MapLocation> locations;
    private final BufferAllocator allocator;
    private int map = -1;
    private ShuffleReader local;
    private FlightStream remote;
    private boolean closed;

    LocatedReader(ShuffleId shuffle, int reducePartition, List<MapLocation> locations, BufferAllocator allocator) {
      this.shuffle = shuffle;
      this.reducePartition = reducePartition;
      this.locations = locations;
      this.allocator = allocator;
    }

    @Override
    public VectorSchemaRoot next() {
      if (closed) {
        throw new IllegalStateException("shuffle reader is closed");
      }
      while (true) {
        if (local == null && remote == null) {
          if (++map >= locations.size()) {
            return null;
          }
          open(locations.get(map));
        }
        VectorSchemaRoot batch = local != null ? nextLocal() : nextRemote();
        if (batch != null) {
          return batch;
        }
      }
    }

    private void open(MapLocation location) {
      try {
        if (location.executorId().equals(executorId)) {
          local = store.read(shuffle.jobId(), shuffle.stageId(), map, reducePartition, allocator);
        } else {
          ShuffleTicket ticket = new ShuffleTicket(shuffle.jobId(), shuffle.stageId(), map, reducePartition);
          remote = peers.get(location.host(), location.port()).getStream(new Ticket(MessageCodec.encode(ticket)));
        }
      } catch (RuntimeException e) {
        throw fetchFailed(e);
      }
    }

    private VectorSchemaRoot nextLocal() {
      VectorSchemaRoot batch;
      try {
        batch = local.next();
      } catch (RuntimeException e) {
        throw fetchFailed(e);
      }
      if (batch == null) {
        local.close();
        local = null;
        return null;
      }
      counters.localBytesRead.addAndGet(Batches.sizeInBytes(batch));
      return batch;
    }

    private VectorSchemaRoot nextRemote() {
      try {
        if (!remote.next()) {
          closeRemote();
          return null;
        }
        VectorSchemaRoot received = remote.getRoot();
        VectorSchemaRoot copy = Batches.copyTo(received, allocator);
        long bytes = Batches.sizeInBytes(copy);
        counters.remoteBytesFetched.addAndGet(bytes);
        metrics.addRemoteShuffleRead(copy.getRowCount(), bytes);
        return copy;
      } catch (RuntimeException e) {
        throw fetchFailed(e);
      }
    }

    private void closeRemote() {
      FlightStream stream = remote;
      remote = null;
      try {
        stream.close();
      } catch (Exception e) {
        throw fetchFailed(e);
      }
    }

    private QuiverException fetchFailed(Exception cause) {
      if (cause instanceof QuiverException quiver && quiver.errorCode() == ErrorCode.QUERY_CANCELLED) {
        return quiver;
      }
      return new ShuffleFetchFailedException(locations.get(map).executorId(), shuffle.stageId(), map, cause);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (local != null) {
        local.close();
        local = null;
      }
      if (remote != null) {
        FlightStream stream = remote;
        remote = null;
        try {
          stream.cancel("reader closed", null);
        } catch (RuntimeException ignored) {
          // The stream may have ended already.
        }
        try {
          stream.close();
        } catch (Exception ignored) {
          // Closing after a cancel reports the cancel; nothing is held any more.
        }
      }
    }
  }
}
