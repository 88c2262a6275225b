package io.quiver.engine.connector.tpcds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToIntFunction;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The 24 TPC-DS tables at one scale factor. */
final class TpcdsSchema extends AbstractSchema {

  private final Map<String, Table> tables;

  /** @param splitPolicy split count for a table of so many rows */
  TpcdsSchema(String schemaName, double scaleFactor, LongToIntFunction splitPolicy) {
    Map<String, Table> byName = new LinkedHashMap<>();
    for (TpcdsTableDefinition definition : TpcdsTables.BY_NAME.values()) {
      int splits = 1;
      if (definition.splittable()) {
        long generatorRows = definition.generatorRows(scaleFactor);
        // Never more splits than generator rows (orders), so no split is empty by construction.
        splits = (int) Math.max(1, Math.min(generatorRows,
            splitPolicy.applyAsInt(definition.estimatedRowCount(scaleFactor))));
      }
      byName.put(definition.name(), new TpcdsConnectorTable(definition, schemaName, scaleFactor, splits));
    }
    this.tables = Map.copyOf(byName);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
