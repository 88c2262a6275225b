package io.quiver.jdbc.client;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Catalog metadata; every catalog call is answered by the Meta from the engine's catalog. The
 * flags here describe Quiver's SQL where Avatica's defaults (Calcite's upper-casing, a read-only
 * database, ...) do not: unquoted identifiers fold to lower case and match case-insensitively,
 * quoted ones keep their case; NULLs sort high; tables can be created; there are no transactions
 * and no stored procedures. The thin driver uses the same class.
 */
public class QuiverDatabaseMetaData extends AvaticaDatabaseMetaData {

  public QuiverDatabaseMetaData(AvaticaConnection connection) {
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

  /** CREATE TABLE and DROP TABLE work on memory tables. */
  @Override
  public boolean isReadOnly() throws SQLException {
    return false;
  }

  // --- identifiers: PostgreSQL's rules (sql-frontend/README.md)

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  // --- NULLs sort as larger than every value (the planner's NullCollation.HIGH)

  @Override
  public boolean nullsAreSortedHigh() {
    return true;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  // --- what there is not

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }
}
