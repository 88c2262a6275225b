package io.quiver.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/** Catalog metadata; every call is answered by the Meta from the engine's catalog. */
public class QuiverDatabaseMetaData extends AvaticaDatabaseMetaData {

  QuiverDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }
}
