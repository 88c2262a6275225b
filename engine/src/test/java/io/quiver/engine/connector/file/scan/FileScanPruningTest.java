package io.quiver.engine.connector.file.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.connector.file.DataDirectories;
import io.quiver.engine.connector.file.FileFormatKind;
import io.quiver.engine.connector.file.FileSchemas;
import io.quiver.engine.connector.file.FileTableProperties;
import io.quiver.engine.connector.file.LocalFileTables;
import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Column pruning and row-group skipping, shown by the bytes the process reads from files (Linux
 * {@code /proc/self/io} rchar): a Parquet file of 2.5 million rows in three row groups (Arrow's
 * writer cuts a row group every 1,048,576 rows), a small BIGINT column and a wide VARCHAR one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileScanPruningTest {

  private static final int ROWS = 2_500_000;
  private static final int BATCH = 100_000;
  private static final List<Column> COLUMNS = List.of(new Column("id", DataType.BIGINT, true),
      new Column("text", DataType.VARCHAR, true));

  private Path directory;
  private Path file;

  @BeforeAll
  void writeFile() throws Exception {
    directory = Files.createTempDirectory("quiver-pruning-test");
    Schema schema = FileSchemas.toArrowSchema(COLUMNS);
    try (BufferAllocator allocator = new RootAllocator()) {
      try (ArrowReader reader = new GeneratingReader(allocator, schema)) {
        DatasetFileWriter.write(allocator, reader, FileFormat.PARQUET, directory.toUri().toString(), new String[0], 1,
            "data-{i}.parquet");
      }
      waitForNativeRelease(allocator);
    }
    file = directory.resolve("data-0.parquet");
  }

  @AfterAll
  void delete() {
    LocalFileTables.deleteQuietly(directory);
  }

  @Test
  void onlyTheNeededColumnsAndRowGroupsAreRead() throws Exception {
    assertTrue(Files.isReadable(Path.of("/proc/self/io")), "this test counts bytes through /proc/self/io (Linux)");
    try (BufferAllocator allocator = new RootAllocator()) {
      scan(allocator, List.of(0, 1), null); // first use loads Arrow's native library
      Scan all = scan(allocator, List.of(0, 1), null);
      Scan idOnly = scan(allocator, List.of(0), null);
      Literal bound = Literal.ofLong(2_400_000, DataType.BIGINT);
      Scan lastGroup = scan(allocator, List.of(0), Call.of(ScalarFunction.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN,
          new InputReference(0, DataType.BIGINT), bound));
      Scan noGroup = scan(allocator, List.of(0, 1), Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN,
          new InputReference(0, DataType.BIGINT), Literal.ofLong(-1, DataType.BIGINT)));
      waitForNativeRelease(allocator);

      assertEquals(ROWS, all.rows);
      assertEquals(ROWS, idOnly.rows);
      assertEquals(100_000, lastGroup.rows, "the rows at or above the bound; Arrow filters the rows it reads too");
      assertEquals(0, noGroup.rows);
      long fileSize = Files.size(file);
      System.out.println("file " + fileSize + " bytes; all " + all + "; id only " + idOnly + "; id >= 2400000 "
          + lastGroup + "; id < -1 " + noGroup);
      assertTrue(all.bytes >= fileSize * 9 / 10, "a full scan reads the file: " + all + " of " + fileSize);
      assertTrue(idOnly.bytes < all.bytes / 2, "pruned to one column: " + idOnly + " vs " + all);
      // only the last of three row groups holds ids >= 2,400,000: at most about a third of the id column
      assertTrue(lastGroup.bytes < idOnly.bytes / 2, "row groups skipped: " + lastGroup + " vs " + idOnly);
      // no row group can match: only the footer is read
      assertTrue(noGroup.bytes < fileSize / 100, "all row groups skipped: " + noGroup);
    }
  }

  private record Scan(long rows, long bytes) {
  }

  private Scan scan(BufferAllocator allocator, List<Integer> columns, Call filter) throws IOException {
    Map<String, String> properties = new HashMap<>(FileTableProperties.of(FileFormatKind.PARQUET, List.of(file),
        List.of("id", "text"), Map.of()));
    if (filter != null) {
      properties.put(FileTableProperties.PUSHED_FILTER, FragmentCodec.encode(filter));
    }
    List<Column> output = new ArrayList<>();
    for (int column : columns) {
      output.add(COLUMNS.get(column));
    }
    long before = bytesRead();
    long rows = 0;
    try (SplitReader reader = new FileDataSource(new DataDirectories(List.of(directory))).open(new TableHandle("file", "s", "t", properties), columns,
        new RowSchema(output), 0, 1, allocator, 8192)) {
      for (VectorSchemaRoot batch = reader.next(); batch != null; batch = reader.next()) {
        rows += batch.getRowCount();
        batch.close();
      }
    }
    return new Scan(rows, bytesRead() - before);
  }

  private static long bytesRead() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
      if (line.startsWith("rchar:")) {
        return Long.parseLong(line.substring("rchar:".length()).trim());
      }
    }
    throw new IllegalStateException("no rchar in /proc/self/io");
  }

  /** Arrow C++ releases exported batches on its own threads just after a call returns. */
  private static void waitForNativeRelease(BufferAllocator allocator) throws InterruptedException {
    for (int i = 0; i < 1000 && allocator.getAllocatedMemory() > 0; i++) {
      Thread.sleep(5);
    }
  }

  /** Rows 0 .. ROWS-1: the id, and a text of about 30 bytes that compresses poorly. */
  private static final class GeneratingReader extends ArrowReader {

    private final Schema schema;
    private int produced;

    GeneratingReader(BufferAllocator allocator, Schema schema) {
      super(allocator);
      this.schema = schema;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      if (produced == ROWS) {
        return false;
      }
      VectorSchemaRoot root = getVectorSchemaRoot();
      BigIntVector id = (BigIntVector) root.getVector(0);
      VarCharVector text = (VarCharVector) root.getVector(1);
      id.allocateNew(BATCH);
      text.allocateNew(BATCH * 32L, BATCH);
      for (int i = 0; i < BATCH; i++) {
        long value = produced + i;
        id.set(i, value);
        text.setSafe(i, ("t" + Long.toHexString(value * 0x9E3779B97F4A7C15L) + Long.toHexString(value * 31))
            .getBytes(StandardCharsets.UTF_8));
      }
      root.setRowCount(BATCH);
      produced += BATCH;
      return true;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() {
      return schema;
    }
  }
}
