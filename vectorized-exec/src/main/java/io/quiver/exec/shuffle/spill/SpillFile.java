package io.quiver.exec.shuffle.spill;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A finished spill file: where it is, and the record batches of each reduce partition in the order
 * they were written. Immutable; any number of readers may read it at once, each through its own
 * channel. Whoever holds it deletes it.
 */
public final class SpillFile {

  private final Path path;
  private final Schema schema;
  private final List<List<ArrowBlock>> blocks;
  private final long sizeInBytes;

  SpillFile(Path path, Schema schema, List<List<ArrowBlock>> blocks, long sizeInBytes) {
    this.path = path;
    this.schema = schema;
    this.blocks = blocks.stream().map(List::copyOf).toList();
    this.sizeInBytes = sizeInBytes;
  }

  public Path path() {
    return path;
  }

  public int reducePartitionCount() {
    return blocks.size();
  }

  /** Bytes on disk. */
  public long sizeInBytes() {
    return sizeInBytes;
  }

  /** Record batches of one reduce partition. */
  public int batchCount(int reducePartition) {
    return blocks.get(reducePartition).size();
  }

  /**
   * Streams reduce partition {@code reducePartition} back, one batch at a time, allocated from
   * {@code allocator}. The file is opened on the first batch.
   */
  public SpillFileReader openReader(int reducePartition, BufferAllocator allocator) {
    if (reducePartition < 0 || reducePartition >= blocks.size()) {
      throw new IllegalArgumentException("reduce partition " + reducePartition + " out of range 0.."
          + (blocks.size() - 1) + " of spill file " + path);
    }
    return new SpillFileReader(path, schema, blocks.get(reducePartition), allocator);
  }

  /** Deletes the file; a reader that has it open reads on until it closes. */
  public void delete() {
    SpillFileWriter.deleteQuietly(path);
  }
}
