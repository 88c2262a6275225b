package io.quiver.engine.connector.memory;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.catalog.SearchPathView;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view of the memory catalog: its query text, the search path its names were resolved in when it
 * was created, and the columns its query had then. A query that reads it expands the text through
 * the SQL-to-relational converter's view expander (the view is planned as if its query were
 * written in place), cast to the columns recorded at creation.
 */
public final class StoredView extends AbstractTable implements TranslatableTable, SchemaObject, SearchPathView {

  private final String schemaName;
  private final String viewName;
  private final RowSchema columns;
  private final String definition;
  private final List<List<String>> schemaPaths;
  private final List<List<String>> tablesRead;

  /**
   * @param columns the view's columns (names as the view gives them, types of its query)
   * @param definition the query as written
   * @param schemaPaths where names in the query resolve: the creating session's search path
   * @param tablesRead the tables and views the query names, by full name: DROP refuses to drop them
   */
  public StoredView(String schemaName, String viewName, RowSchema columns, String definition,
      List<List<String>> schemaPaths, List<List<String>> tablesRead) {
    this.schemaName = schemaName;
    this.viewName = viewName;
    this.columns = columns;
    this.definition = definition;
    this.schemaPaths = List.copyOf(schemaPaths);
    this.tablesRead = List.copyOf(tablesRead);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns.columns()) {
      builder.add(column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelRoot root = context.expandView(relOptTable.getRowType(), definition, schemaPaths.get(0),
        List.of(MemoryConnector.NAME, schemaName, viewName));
    return RelOptUtil.createCastRel(root.project(), relOptTable.getRowType(), true);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override
  public org.apache.calcite.schema.Table table() {
    return this;
  }

  public String schemaName() {
    return schemaName;
  }

  public String viewName() {
    return viewName;
  }

  public RowSchema columns() {
    return columns;
  }

  /** The query as the user wrote it. */
  public String definition() {
    return definition;
  }

  @Override
  public List<List<String>> schemaPaths() {
    return schemaPaths;
  }

  /** Whether the view's query names the table or view {@code [catalog, schema, name]} itself. */
  /** The tables and views the view's query names, by full name (whose SELECT its owner needs). */
  public List<List<String>> tablesRead() {
    return tablesRead;
  }

  public boolean reads(List<String> qualifiedName) {
    return tablesRead.contains(qualifiedName);
  }

  @Override
  public String toString() {
    return MemoryConnector.NAME + "." + schemaName + "." + viewName;
  }
}
