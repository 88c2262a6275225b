package io.quiver.exec.type;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** The fixed schema of the batches an operator or stage produces; set at plan time. */
public record RowSchema(List<Column> columns) {

  public RowSchema {
    columns = List.copyOf(columns);
  }

  public int size() {
    return columns.size();
  }

  public Column column(int index) {
    return columns.get(index);
  }

  public Schema toArrowSchema() {
    List<Field> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      fields.add(column.toArrowField());
    }
    return new Schema(fields);
  }
}
