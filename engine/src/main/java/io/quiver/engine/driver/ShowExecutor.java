package io.quiver.engine.driver;

import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.access.VisibleCatalogMetadata;
import io.quiver.engine.catalog.CatalogListings;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.catalog.TableResolver;
import io.quiver.engine.connector.memory.FileTableEntry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.engine.metadata.ConstrainedTable;
import io.quiver.engine.metadata.ConstraintInfo;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.session.SessionOption;
import io.quiver.engine.session.SessionSettings;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.analyze.SqlAnalyzer;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.ShowStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;

/**
 * Answers SHOW and DESCRIBE: the catalog's listings ({@link CatalogListings}), a table's columns,
 * the statement that would create a table or view, and the session's options. Tables are found
 * along the session's search path, as queries find them.
 */
final class ShowExecutor {

  static final RowSchema COLUMNS = varchars("column_name", "data_type", "is_nullable");
  static final RowSchema CREATE = varchars("create_statement");
  static final RowSchema SESSION = varchars("name", "value", "description");

  private final CatalogRegistry catalogs;
  private final CatalogMetadata metadata;
  private final AccessControl access;
  private final TableResolver resolver;

  /** @param access SHOW lists only what the statement's user may use */
  ShowExecutor(CatalogRegistry catalogs, CatalogMetadata metadata, AccessControl access) {
    this.catalogs = catalogs;
    this.metadata = metadata;
    this.access = access;
    this.resolver = new TableResolver(catalogs);
  }

  private CatalogListings listings(StatementContext context) {
    return new CatalogListings(VisibleCatalogMetadata.of(metadata, access, context.subject()));
  }

  /** The columns of the statement's answer, known before it runs. */
  static RowSchema schema(ShowStatement show) {
    switch (show.kind()) {
      case CATALOGS:
        return CatalogListings.CATALOGS;
      case SCHEMAS:
        return CatalogListings.SCHEMAS;
      case TABLES:
        return CatalogListings.TABLES;
      case FUNCTIONS:
        return CatalogListings.FUNCTIONS;
      case COLUMNS:
        return COLUMNS;
      case CREATE_TABLE:
      case CREATE_VIEW:
        return CREATE;
      case SESSION:
        return SESSION;
      default:
        return varchars(SessionOption.require(show.name().toString()).optionName());
    }
  }

  /** The rows of the answer. */
  List<List<Object>> rows(ShowStatement show, StatementContext context) {
    List<String> current = context.currentSchema();
    switch (show.kind()) {
      case CATALOGS:
        return listings(context).catalogs(show.like());
      case SCHEMAS:
        return listings(context).schemas(show.name() == null ? current.get(0) : show.name().last(), show.like());
      case TABLES:
        return tables(show, context);
      case FUNCTIONS:
        return listings(context).functions(show.like());
      case COLUMNS:
        return columns(show.name(), context);
      case CREATE_TABLE:
      case CREATE_VIEW:
        return List.of(List.of(createStatement(show, context)));
      case SESSION:
        return session(context.settings());
      default:
        SessionOption option = SessionOption.require(show.name().toString());
        return List.of(List.of(context.settings().text(option)));
    }
  }

  private List<List<Object>> tables(ShowStatement show, StatementContext context) {
    List<String> current = context.currentSchema();
    List<String> parts = show.name() == null ? current : show.name().parts();
    if (parts.size() == 1 && show.name() != null) {
      parts = List.of(catalogOf(parts.get(0), context), parts.get(0));
    }
    if (parts.size() != 2) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "the session has no current schema; "
          + "SHOW TABLES FROM catalog.schema");
    }
    CatalogListings listings = listings(context);
    if (show.name() != null) {
      return listings.tables(parts.get(0), parts.get(1), show.like());
    }
    // Without FROM: the session's temporary tables and views first, as they shadow the current schema's.
    List<List<Object>> rows = new ArrayList<>();
    for (List<String> path : context.schemaPaths()) {
      if (path.size() == 2 && path.get(0).equals(MemoryConnector.NAME)
          && MemoryConnector.isTemporaryName(path.get(1)) && !path.equals(parts)) {
        rows.addAll(listings.tables(path.get(0), path.get(1), show.like()));
      }
    }
    rows.addAll(listings.tables(parts.get(0), parts.get(1), show.like()));
    return rows;
  }

  /** The catalog of a schema named alone: the current catalog, else the first on the search path that has it. */
  private String catalogOf(String schema, StatementContext context) {
    String current = context.currentSchema().get(0);
    if (catalogs.schema(current, schema).isPresent()) {
      return current;
    }
    for (List<String> path : context.schemaPaths()) {
      if (path.size() == 1 && catalogs.schema(path.get(0), schema).isPresent()) {
        return path.get(0);
      }
    }
    return current;
  }

  private List<List<Object>> columns(ObjectName name, StatementContext context) {
    TableResolver.Resolved table = resolve(name, context);
    List<List<Object>> rows = new ArrayList<>();
    for (RelDataTypeField field : table.table().getRowType(SqlAnalyzer.newTypeFactory()).getFieldList()) {
      rows.add(List.of(field.getName(), TypeMapping.toDataType(field.getType()).toString(),
          field.getType().isNullable() ? "YES" : "NO"));
    }
    return rows;
  }

  private String createStatement(ShowStatement show, StatementContext context) {
    TableResolver.Resolved found = resolve(show.name(), context);
    String qualified = String.join(".", found.qualifiedName());
    boolean view = found.table().getJdbcTableType() == Schema.TableType.VIEW;
    if (view != (show.kind() == ShowStatement.Kind.CREATE_VIEW)) {
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, qualified + " is a " + (view ? "view" : "table")
          + "; use SHOW CREATE " + (view ? "VIEW" : "TABLE"));
    }
    Optional<SchemaObject> object = memoryObject(found.qualifiedName());
    if (object.isPresent() && object.get() instanceof StoredView stored) {
      return "CREATE VIEW " + qualified + " AS " + stored.definition();
    }
    StringBuilder text = new StringBuilder("CREATE TABLE ").append(qualified).append(" (");
    List<RelDataTypeField> fields = found.table().getRowType(SqlAnalyzer.newTypeFactory()).getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField field = fields.get(i);
      text.append(i == 0 ? "" : ", ").append(SqlNames.quote(field.getName())).append(' ')
          .append(TypeMapping.toDataType(field.getType()));
      if (!field.getType().isNullable()) {
        text.append(" NOT NULL");
      }
      if (found.table() instanceof ConstrainedTable constrained) {
        constrained.columnDefault(field.getName()).ifPresent(value -> text.append(" DEFAULT ").append(value));
      }
    }
    if (found.table() instanceof ConstrainedTable constrained) {
      for (ConstraintInfo constraint : constrained.constraints()) {
        text.append(", CONSTRAINT ").append(SqlNames.quote(constraint.name())).append(' ')
            .append(ConstraintText.of(constraint));
      }
    }
    text.append(')');
    if (object.isPresent() && object.get() instanceof FileTableEntry files) {
      text.append(" WITH (format = ").append(SqlNames.literal(files.source().format())).append(", location = ")
          .append(SqlNames.literal(files.source().location()));
      for (Map.Entry<String, String> option : new java.util.TreeMap<>(files.source().options()).entrySet()) {
        text.append(", ").append(option.getKey()).append(" = ").append(SqlNames.literal(option.getValue()));
      }
      text.append(')');
    }
    return text.toString();
  }

  private Optional<SchemaObject> memoryObject(List<String> qualifiedName) {
    if (qualifiedName.size() != 3 || !qualifiedName.get(0).equals(MemoryConnector.NAME)) {
      return Optional.empty();
    }
    return catalogs.connector(MemoryConnector.NAME).map(MemoryConnector.class::cast)
        .flatMap(memory -> memory.object(qualifiedName.get(1), qualifiedName.get(2)));
  }

  /** The table a SHOW names; one the user may not use is refused as a query over it would be. */
  private TableResolver.Resolved resolve(ObjectName name, StatementContext context) {
    TableResolver.Resolved found = resolver.resolve(name, context.schemaPaths()).orElseThrow(() -> new QuiverException(
        ErrorCode.TABLE_NOT_FOUND, "table or view " + name + " does not exist", null, name.pos().getLineNum(),
        name.pos().getColumnNum()));
    SecuredObject object = SecuredObject.table(found.qualifiedName());
    if (!AccessControl.SYSTEM_CATALOG.equals(object.catalogName()) && !access.visible(context.subject(), object)) {
      throw new QuiverException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + object + ": user "
          + context.subject().user() + " has no privilege on it");
    }
    return found;
  }

  private static List<List<Object>> session(SessionSettings settings) {
    List<List<Object>> rows = new ArrayList<>();
    for (SessionOption option : SessionOption.values()) {
      rows.add(List.of(option.optionName(), settings.text(option), option.description()));
    }
    return rows;
  }

  private static RowSchema varchars(String... names) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(new Column(name, DataType.VARCHAR, true));
    }
    return new RowSchema(columns);
  }
}
