package io.quiver.engine.connector.file;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.TypeKind;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.planner.statistics.ColumnDistinctCounts;
import io.quiver.sql.catalog.ConnectorTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Files as a table. The files are listed again whenever a scan is planned, so a scan sees the files
 * as they are then (for a dataset Quiver wrote: the version its pointer names then). One split per
 * file.
 */
public final class FileConnectorTable extends AbstractTable implements ConnectorTable, TranslatableTable,
    ColumnDistinctCounts {

  private final String schemaName;
  private final String tableName;
  private final FileFormatKind format;
  private final DataDirectories directories;
  private final DataDirectories.Location location;
  private final List<Column> columns;
  private final Map<String, String> options;
  private final Map<String, Double> distinctCounts;

  FileConnectorTable(String schemaName, String tableName, FileFormatKind format, DataDirectories directories,
      DataDirectories.Location location, List<Column> columns, Map<String, String> options,
      Map<String, Double> distinctCounts) {
    this.distinctCounts = Map.copyOf(distinctCounts);
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.format = format;
    this.directories = directories;
    this.location = location;
    this.columns = List.copyOf(columns);
    this.options = Map.copyOf(options);
  }

  public List<Column> columns() {
    return columns;
  }

  public FileFormatKind format() {
    return format;
  }

  /** The location as the statement wrote it. */
  public String location() {
    return location.written();
  }

  /** The files a scan planned now reads. */
  public List<Path> files() {
    return listing().files();
  }

  /** The files now and, for a dataset Quiver wrote, the version they belong to. */
  private DatasetFiles.Listing listing() {
    if (!location.isGlob() && !Files.exists(location.path())) {
      return new DatasetFiles.Listing(List.of(), null);
    }
    return DatasetFiles.list(directories, location);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns) {
      // NOT NULL matters to the plan: NOT IN over a nullable column needs a null-aware anti join
      builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(estimatedRowCount(), List.of());
  }

  /** Exact for Parquet (from the footers); from the file sizes for CSV and Arrow IPC. */
  public double estimatedRowCount() {
    long rows = 0;
    long bytesPerRow = 0;
    for (Column column : columns) {
      bytesPerRow += column.type().kind() == TypeKind.VARCHAR || column.type().kind() == TypeKind.CHAR ? 16 : 8;
    }
    for (Path file : files()) {
      long count = format == FileFormatKind.PARQUET ? ParquetFooter.rowCount(file) : -1;
      if (count < 0) {
        try {
          count = Files.size(file) / Math.max(1, bytesPerRow);
        } catch (IOException e) {
          count = 0;
        }
      }
      rows += count;
    }
    return Math.max(1, rows);
  }

  /** From the statistics Quiver wrote beside the files; unknown (-1) for files written elsewhere. */
  @Override
  public double distinctCount(int column) {
    if (column < 0 || column >= columns.size()) {
      return -1;
    }
    return distinctCounts.getOrDefault(columns.get(column).name(), -1.0);
  }

  @Override
  public String connectorName() {
    return FileTables.CONNECTOR_NAME;
  }

  @Override
  public String schemaName() {
    return schemaName;
  }

  @Override
  public String tableName() {
    return tableName;
  }

  @Override
  public Map<String, String> properties() {
    List<String> names = new ArrayList<>();
    for (Column column : columns) {
      names.add(column.name());
    }
    DatasetFiles.Listing listing = listing();
    return FileTableProperties.of(format, listing.files(), names, options, listing.version());
  }

  @Override
  public int splitCount() {
    return Math.max(1, files().size());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return LogicalTableScan.create(context.getCluster(), relOptTable, context.getTableHints());
  }

  @Override
  public String toString() {
    return "file." + schemaName + "." + tableName + " (" + format.extension() + " '" + location.written() + "')";
  }
}
