package io.quiver.engine.connector.plugin;

import io.quiver.engine.connector.file.FileSchemas;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.spi.Connector;
import io.quiver.spi.ConnectorException;
import io.quiver.spi.Split;
import io.quiver.spi.TableMetadata;
import io.quiver.spi.TableStatistics;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A plugin connector's table as the planner sees it. Its splits are asked for once, when the
 * planner first needs them, and travel in the scan's table handle.
 */
final class PluginTable extends AbstractTable implements ConnectorTable {

  private final String catalog;
  private final Connector connector;
  private final TableMetadata metadata;
  private volatile List<Split> splits;

  PluginTable(String catalog, Connector connector, TableMetadata metadata) {
    this.catalog = catalog;
    this.connector = connector;
    this.metadata = metadata;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Field field : metadata.columns()) {
      DataType type = FileSchemas.toDataType(field, catalog + "." + metadata.schema() + "." + metadata.name());
      builder.add(field.getName(), TypeMapping.toRelDataType(typeFactory, type, field.isNullable()));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    TableStatistics statistics;
    try {
      statistics = connector.statistics(metadata);
    } catch (ConnectorException e) {
      throw PluginConnectors.toQuiverException(catalog, e);
    }
    return statistics.isRowCountKnown() ? Statistics.of((double) statistics.rowCount(), List.of())
        : Statistics.UNKNOWN;
  }

  @Override
  public String connectorName() {
    return catalog;
  }

  @Override
  public String schemaName() {
    return metadata.schema();
  }

  @Override
  public String tableName() {
    return metadata.name();
  }

  @Override
  public Map<String, String> properties() {
    return SplitProperties.encode(splits());
  }

  @Override
  public int splitCount() {
    return splits().size();
  }

  private List<Split> splits() {
    List<Split> listed = splits;
    if (listed == null) {
      try {
        listed = List.copyOf(connector.splits(metadata));
      } catch (ConnectorException e) {
        throw PluginConnectors.toQuiverException(catalog, e);
      }
      if (listed.isEmpty()) {
        listed = List.of(Split.of(Map.of()));
      }
      splits = listed;
    }
    return listed;
  }

  @Override
  public String toString() {
    return catalog + "." + metadata.schema() + "." + metadata.name();
  }
}
