package io.quiver.testconnector;

import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorException;
import io.quiver.spi.Split;
import io.quiver.spi.SplitReader;
import io.quiver.spi.TableMetadata;
import io.quiver.spi.TableStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Schema {@code default}, table {@code numbers}: {@code n} from 1 to the row count, {@code square}
 * = n * n, {@code label} = 'n' || n, and {@code reader_pid}, the id of the process that read the
 * row (so a test sees where its splits were read). Four splits of consecutive ranges, readable
 * anywhere. A table {@code broken} whose reader fails with SQLSTATE 22012.
 */
final class NumbersConnector implements Connector {

  static final String SCHEMA = "default";
  static final int SPLITS = 4;

  static final TableMetadata NUMBERS = new TableMetadata(SCHEMA, "numbers", List.of(
      new Field("n", FieldType.notNullable(new ArrowType.Int(64, true)), null),
      new Field("square", FieldType.notNullable(new ArrowType.Int(64, true)), null),
      new Field("label", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
      new Field("reader_pid", FieldType.notNullable(new ArrowType.Int(64, true)), null)));
  static final TableMetadata BROKEN = new TableMetadata(SCHEMA, "broken", List.of(
      new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)));

  private final long rows;

  NumbersConnector(long rows) {
    if (rows < 0) {
      throw new ConnectorException("22023", "rows must not be negative: " + rows);
    }
    this.rows = rows;
  }

  @Override
  public List<String> schemaNames() {
    return List.of(SCHEMA);
  }

  @Override
  public List<String> tableNames(String schema) {
    return SCHEMA.equals(schema) ? List.of(NUMBERS.name(), BROKEN.name()) : List.of();
  }

  @Override
  public Optional<TableMetadata> table(String schema, String table) {
    if (!SCHEMA.equals(schema)) {
      return Optional.empty();
    }
    return NUMBERS.name().equals(table) ? Optional.of(NUMBERS)
        : BROKEN.name().equals(table) ? Optional.of(BROKEN) : Optional.empty();
  }

  @Override
  public TableStatistics statistics(TableMetadata table) {
    return new TableStatistics(table.equals(NUMBERS) ? rows : 1);
  }

  @Override
  public List<Split> splits(TableMetadata table) {
    List<Split> splits = new ArrayList<>();
    for (int i = 0; i < SPLITS; i++) {
      long from = 1 + rows * i / SPLITS;
      long to = 1 + rows * (i + 1) / SPLITS;
      splits.add(Split.of(Map.of("from", Long.toString(from), "to", Long.toString(to))));
    }
    return splits;
  }

  @Override
  public SplitReader reader(TableMetadata table, Split split, List<Integer> columns, BufferAllocator allocator,
      int batchSize) {
    if (table.equals(BROKEN)) {
      throw new ConnectorException("22012", "the broken table cannot be read");
    }
    long from = Long.parseLong(split.properties().get("from"));
    long to = Long.parseLong(split.properties().get("to"));
    return new NumbersReader(from, to, columns, allocator, batchSize);
  }
}
