package io.quiver.engine.testing;

import io.quiver.engine.QueryResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;

/** Reads results of the fake engine (one BIGINT column). */
public final class ResultRows {

  private ResultRows() {
  }

  public static long count(QueryResult result) {
    return values(result).size();
  }

  public static List<Long> values(QueryResult result) {
    List<Long> values = new ArrayList<>();
    while (result.loadNextBatch()) {
      BigIntVector vector = (BigIntVector) result.root().getVector(0);
      for (int i = 0; i < result.root().getRowCount(); i++) {
        values.add(vector.get(i));
      }
    }
    return values;
  }
}
