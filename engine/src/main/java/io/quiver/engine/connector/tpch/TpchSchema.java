package io.quiver.engine.connector.tpch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The eight TPC-H tables at one scale factor. */
final class TpchSchema extends AbstractSchema {

  private final Map<String, Table> tables;

  TpchSchema(String schemaName, double scaleFactor, TpchSplitPolicy splitPolicy) {
    Map<String, Table> byName = new LinkedHashMap<>();
    for (TpchTableDefinition<?> definition : TpchTables.ALL) {
      long rows = definition.estimatedRowCount(scaleFactor);
      byName.put(definition.name(),
          new TpchConnectorTable(definition, schemaName, scaleFactor, splitPolicy.splitCount(rows)));
    }
    this.tables = Map.copyOf(byName);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
