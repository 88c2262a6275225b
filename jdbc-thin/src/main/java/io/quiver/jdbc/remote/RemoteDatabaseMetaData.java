package io.quiver.jdbc.remote;

import io.quiver.jdbc.client.QuiverDatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.remote.MetaDataOperation;

/**
 * The thin driver's DatabaseMetaData: the embedded driver's flags, and the key and index methods
 * asked of the server over its own route ({@link KeyMetadataCall}), because Avatica's remote client
 * answers them with no rows.
 */
final class RemoteDatabaseMetaData extends QuiverDatabaseMetaData {

  private final RemoteConnection connection;

  RemoteDatabaseMetaData(RemoteConnection connection) {
    super(connection);
    this.connection = connection;
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return connection.keyMetadata(KeyMetadataCall.of(MetaDataOperation.GET_PRIMARY_KEYS, catalog, schema, table));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return connection.keyMetadata(KeyMetadataCall.of(MetaDataOperation.GET_IMPORTED_KEYS, catalog, schema, table));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return connection.keyMetadata(KeyMetadataCall.of(MetaDataOperation.GET_EXPORTED_KEYS, catalog, schema, table));
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return connection.keyMetadata(KeyMetadataCall.of(MetaDataOperation.GET_CROSS_REFERENCE, parentCatalog,
        parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable));
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return connection.keyMetadata(new KeyMetadataCall(MetaDataOperation.GET_INDEX_INFO,
        java.util.Arrays.asList(catalog, schema, table), unique, approximate));
  }
}
