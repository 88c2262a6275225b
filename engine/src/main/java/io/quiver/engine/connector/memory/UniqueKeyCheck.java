package io.quiver.engine.connector.memory;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * Checks a table's PRIMARY KEY and UNIQUE constraints over the rows a change would leave: the rows
 * kept and the rows written. One hash set of key values per constraint, filled from the Arrow
 * vectors; the first value seen twice fails the change with 23505, naming the constraint, the table
 * and the key, before anything is committed. Costs one pass over the key columns of the new version
 * (for an INSERT also over the table's current rows).
 */
final class UniqueKeyCheck {

  private UniqueKeyCheck() {
  }

  /**
   * @param kept batches of rows that stay in the table (an INSERT's current rows; none for a change
   *     that writes the whole next version)
   * @param written the batches the change wrote
   */
  static void check(List<UniqueKey> keys, String table, List<StoredBatch> kept, List<StoredBatch> written) {
    for (UniqueKey key : keys) {
      Set<List<Object>> seen = new HashSet<>();
      for (List<StoredBatch> batches : List.of(kept, written)) {
        for (StoredBatch batch : batches) {
          add(key, table, batch, seen);
        }
      }
    }
  }

  private static void add(UniqueKey key, String table, StoredBatch batch, Set<List<Object>> seen) {
    int[] columns = key.columns();
    List<FieldVector> vectors = new ArrayList<>(columns.length);
    for (int column : columns) {
      vectors.add(batch.vector(column));
    }
    rows:
    for (int row = 0; row < batch.rows(); row++) {
      List<Object> value = new ArrayList<>(columns.length);
      for (FieldVector vector : vectors) {
        if (vector.isNull(row)) {
          continue rows; // NULL is never equal to anything: the row passes UNIQUE
        }
        Object item = vector.getObject(row);
        value.add(item instanceof org.apache.arrow.vector.util.Text text ? text.toString() : item);
      }
      if (!seen.add(value)) {
        List<String> shown = new ArrayList<>();
        value.forEach(item -> shown.add(String.valueOf(item)));
        throw new QuiverException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value violates "
            + (key.primary() ? "primary key " : "unique constraint ") + key.name() + " of " + table + ": ("
            + String.join(", ", key.columnNames()) + ")=(" + String.join(", ", shown) + ") already exists");
      }
    }
  }
}
