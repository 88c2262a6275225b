package io.quiver.engine.connector.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.StandardOpenOption;

/**
 * Reads the row count from a Parquet file's footer (the Thrift compact {@code FileMetaData}) without
 * starting Arrow's native reader: the planner wants row counts for every file table it plans.
 */
final class ParquetFooter {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final ByteBuffer in;

  private ParquetFooter(ByteBuffer in) {
    this.in = in;
  }

  /** Row counts by file, valid while the file keeps its size and modification time. */
  private static final Map<Path, Counted> COUNTS = new ConcurrentHashMap<>();

  private record Counted(long size, long modified, long rows) {
  }

  /** The file's row count, or -1 when the footer cannot be read (the scan reports the error). */
  static long rowCount(Path file) {
    try {
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      Counted counted = COUNTS.get(file);
      if (counted != null && counted.size() == size && counted.modified() == modified) {
        return counted.rows();
      }
      long rows = readRowCount(file);
      if (COUNTS.size() > 100_000) {
        COUNTS.clear();
      }
      COUNTS.put(file, new Counted(size, modified, rows));
      return rows;
    } catch (IOException e) {
      return -1;
    }
  }

  private static long readRowCount(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 12) {
        return -1;
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - 8);
      tail.flip();
      int length = tail.getInt();
      byte[] magic = new byte[4];
      tail.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC) || length <= 0 || length > size - 12) {
        return -1;
      }
      ByteBuffer footer = ByteBuffer.allocate(length);
      channel.read(footer, size - 8 - length);
      footer.flip();
      return new ParquetFooter(footer).numRows();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Walks FileMetaData's fields up to field 3, num_rows. */
  private long numRows() {
    short field = 0;
    while (true) {
      int header = in.get() & 0xff;
      if (header == 0) {
        return -1;
      }
      int type = header & 0x0f;
      int delta = header >>> 4;
      field = delta == 0 ? (short) zigzag(varint()) : (short) (field + delta);
      if (field == 3 && type == 6) {
        return zigzag(varint());
      }
      skip(type);
    }
  }

  private void skip(int type) {
    switch (type) {
      case 1:
      case 2:
        return;
      case 3:
        in.get();
        return;
      case 4:
      case 5:
      case 6:
        varint();
        return;
      case 7:
        in.position(in.position() + 8);
        return;
      case 8:
        in.position(in.position() + (int) varint());
        return;
      case 9:
      case 10: {
        int header = in.get() & 0xff;
        long count = header >>> 4 == 15 ? varint() : header >>> 4;
        int elementType = header & 0x0f;
        for (long i = 0; i < count; i++) {
          skipElement(elementType);
        }
        return;
      }
      case 11: {
        long count = varint();
        if (count > 0) {
          int types = in.get() & 0xff;
          for (long i = 0; i < count; i++) {
            skipElement(types >>> 4);
            skipElement(types & 0x0f);
          }
        }
        return;
      }
      case 12:
        skipStruct();
        return;
      default:
        throw new IllegalStateException("unknown thrift type " + type);
    }
  }

  /** In lists, booleans take a byte. */
  private void skipElement(int type) {
    if (type == 1 || type == 2) {
      in.get();
    } else {
      skip(type);
    }
  }

  private void skipStruct() {
    while (true) {
      int header = in.get() & 0xff;
      if (header == 0) {
        return;
      }
      if (header >>> 4 == 0) {
        varint();
      }
      skip(header & 0x0f);
    }
  }

  private long varint() {
    long result = 0;
    int shift = 0;
    while (true) {
      int b = in.get() & 0xff;
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
    }
  }

  private static long zigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }
}
