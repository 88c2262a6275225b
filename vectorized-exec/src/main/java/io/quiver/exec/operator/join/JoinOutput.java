package io.quiver.exec.operator.join;

import io.quiver.exec.batch.RowCopier;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds a join's output batches: gathers probe and build rows, and NULL columns for outer rows. */
final class JoinOutput {

  private JoinOutput() {
  }

  /**
   * A batch of {@code schema} whose first {@code probe.columns} columns are the probe rows
   * {@code probeRows[0..count)} (all NULL when {@code probeRows} is null) and whose next columns are
   * the build rows {@code buildRows[0..count)} (all NULL when null, absent when {@code withBuild} is
   * false).
   */
  static VectorSchemaRoot gather(Schema schema, VectorSchemaRoot probe, int probeColumns, int[] probeRows,
      BuildRows build, boolean withBuild, int[] buildRows, int count, BufferAllocator allocator) {
    VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
    try {
      for (int c = 0; c < probeColumns; c++) {
        FieldVector target = out.getVector(c);
        if (probeRows == null) {
          appendNulls(target, 0, count);
        } else {
          RowCopier.append(probe.getVector(c), probeRows, 0, count, target, 0);
        }
      }
      if (withBuild) {
        for (int c = 0; c < build.columnCount(); c++) {
          FieldVector target = out.getVector(probeColumns + c);
          if (buildRows == null) {
            appendNulls(target, 0, count);
          } else {
            build.gather(c, buildRows, count, target);
          }
        }
      }
      out.setRowCount(count);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Sets rows {@code start..start+count)} of {@code target} to NULL and its value count to the end. */
  static void appendNulls(FieldVector target, int start, int count) {
    int end = start + count;
    if (start == 0 && count > 0) {
      // a fresh allocation is zeroed: every validity bit clear, every offset 0
      if (target instanceof BaseFixedWidthVector fixed) {
        fixed.allocateNew(count);
      } else if (target instanceof BaseVariableWidthVector variable) {
        variable.allocateNew(1, count);
      }
      target.setValueCount(count);
      return;
    }
    if (!(target instanceof NullVector)) {
      for (int i = start; i < end; i++) {
        // grows the buffers as needed and clears the validity bit; offsets are filled by setValueCount
        target.setNull(i);
      }
    }
    target.setValueCount(end);
  }

  /**
   * Fills {@code selection} with the rows {@code 0..rows)} where a BOOLEAN result is TRUE (not FALSE,
   * not NULL); returns how many.
   */
  static int selectTrue(FieldVector result, int rows, int[] selection) {
    if (result instanceof NullVector) {
      return 0;
    }
    if (!(result instanceof BitVector)) {
      throw new IllegalStateException("join condition produced " + result.getField().getType() + ", not BOOLEAN");
    }
    ArrowBuf data = result.getDataBuffer();
    int count = 0;
    if (result.getNullCount() == 0) {
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    } else {
      ArrowBuf validity = result.getValidityBuffer();
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & (validity.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    }
    return count;
  }

  /** True when {@code vector} is one of {@code batch}'s own columns (an evaluator may return one). */
  static boolean isColumnOf(VectorSchemaRoot batch, FieldVector vector) {
    for (FieldVector column : batch.getFieldVectors()) {
      if (column == vector) {
        return true;
      }
    }
    return false;
  }
}
