package io.quiver.exec.batch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** The rows where a BOOLEAN vector is TRUE (not FALSE, not NULL), branch-free over the bits. */
public final class BooleanSelection {

  private BooleanSelection() {
  }

  /**
   * Writes the indexes of the TRUE rows among {@code 0..rows)} into {@code selection} (which must
   * hold {@code rows} entries) and returns how many there are.
   */
  public static int select(FieldVector condition, int rows, int[] selection) {
    if (condition instanceof NullVector) {
      return 0;
    }
    if (!(condition instanceof BitVector)) {
      throw new IllegalStateException("condition produced " + condition.getField().getType() + ", not BOOLEAN");
    }
    ArrowBuf data = condition.getDataBuffer();
    int count = 0;
    if (condition.getNullCount() == 0) {
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    } else {
      ArrowBuf validity = condition.getValidityBuffer();
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & (validity.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    }
    return count;
  }
}
