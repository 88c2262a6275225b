package io.quiver.engine.connector.memory;

import io.quiver.engine.connector.file.FileSource;
import io.quiver.sql.catalog.ConnectorTable;
import org.apache.calcite.schema.Table;

/**
 * A table over files registered in a schema of the memory catalog (CREATE TABLE ... WITH (format,
 * location)): the table the file connector opened, and where its files are, for INSERT. Dropping it
 * forgets it; the files stay.
 */
public record FileTableEntry(ConnectorTable connectorTable, FileSource source) implements SchemaObject {

  @Override
  public Table table() {
    return connectorTable;
  }
}
