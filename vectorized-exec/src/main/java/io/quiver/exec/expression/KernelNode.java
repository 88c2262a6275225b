package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.KernelArguments;
import io.quiver.exec.function.KernelResult;
import io.quiver.exec.function.ScalarKernel;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A call of a registry function: evaluates the arguments (a constant stays a scalar), works out the
 * rows whose arguments are all non-NULL a word of 64 rows at a time (for strict functions), and runs
 * the function's {@link ScalarKernel} in one loop over them. The kernel reads the argument buffers
 * and writes the result buffers through this node ({@link KernelArguments}, {@link KernelResult}).
 */
final class KernelNode extends ExpressionNode implements KernelArguments, KernelResult {

  private final String name;
  private final ScalarKernel kernel;
  private final boolean strict;
  private final int count;
  private final DataType[] types;
  /** Per argument: its constant value (null when it varies or is NULL), and whether it is constant. */
  private final Object[] constants;
  private final boolean[] constant;
  private final int[] widths;
  private final int resultWidth;
  private final boolean resultReal;

  // Per batch.
  private final ArrowBuf[] data;
  private final ArrowBuf[] offsets;
  private final FieldVector[] vectors;
  private FieldVector result;
  private ArrowBuf resultData;
  private ArrowBuf resultValidity;

  KernelNode(String name, ScalarKernel kernel, boolean strict, List<ExpressionNode> arguments, DataType type,
      BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.name = name;
    this.kernel = kernel;
    this.strict = strict;
    this.count = arguments.size();
    this.types = new DataType[count];
    this.constants = new Object[count];
    this.constant = new boolean[count];
    this.widths = new int[count];
    for (int a = 0; a < count; a++) {
      ExpressionNode argument = arguments.get(a);
      types[a] = argument.type();
      widths[a] = Vectors.exactWidth(argument.type());
      if (argument instanceof ConstantNode constantNode) {
        constant[a] = true;
        constants[a] = constantNode.value;
      }
    }
    this.resultWidth = Vectors.exactWidth(type);
    this.resultReal = type.kind() == TypeKind.REAL;
    this.data = new ArrowBuf[count];
    this.offsets = new ArrowBuf[count];
    this.vectors = new FieldVector[count];
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector out = null;
    try {
      for (int a = 0; a < count; a++) {
        if (!constant[a]) {
          FieldVector vector = children.get(a).evaluate(batch);
          vectors[a] = vector;
          if (types[a].kind() != TypeKind.NULL) {
            data[a] = vector.getDataBuffer();
            offsets[a] = types[a].isText() || types[a].kind() == TypeKind.VARBINARY ? vector.getOffsetBuffer() : null;
          }
        }
      }
      out = Vectors.allocate(type, rows, allocator);
      result = out;
      resultData = out.getDataBuffer();
      resultValidity = out.getValidityBuffer();
      if (strict) {
        for (int w = 0; w < Validity.wordCount(rows); w++) {
          long valid = Validity.rowMask(w, rows);
          for (int a = 0; a < count && valid != 0; a++) {
            if (constant[a]) {
              valid = constants[a] == null ? 0 : valid;
            } else {
              valid &= Validity.validWord(vectors[a], w);
            }
          }
          while (valid != 0) {
            int row = (w << 6) + Long.numberOfTrailingZeros(valid);
            kernel.apply(this, row, this);
            valid &= valid - 1;
          }
        }
      } else {
        for (int row = 0; row < rows; row++) {
          kernel.apply(this, row, this);
        }
      }
      out.setValueCount(rows);
      FieldVector done = out;
      out = null;
      return done;
    } catch (ArithmeticException e) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, name + ": " + e.getMessage(), e);
    } finally {
      if (out != null) {
        out.close();
      }
      result = null;
      resultData = null;
      resultValidity = null;
      for (int a = 0; a < count; a++) {
        if (vectors[a] != null) {
          children.get(a).release(vectors[a]);
          vectors[a] = null;
        }
        data[a] = null;
        offsets[a] = null;
      }
    }
  }

  // ---- KernelArguments ----------------------------------------------------------------------

  @Override
  public int count() {
    return count;
  }

  @Override
  public boolean isNull(int argument, int row) {
    if (constant[argument]) {
      return constants[argument] == null;
    }
    FieldVector vector = vectors[argument];
    return types[argument].kind() == TypeKind.NULL || !Validity.isSet(vector.getValidityBuffer(), row);
  }

  @Override
  public long getLong(int argument, int row) {
    if (constant[argument]) {
      return (Long) constants[argument];
    }
    return Vectors.readExact(data[argument], widths[argument], row);
  }

  @Override
  public double getDouble(int argument, int row) {
    if (constant[argument]) {
      return DoubleReader.constant(constants[argument]);
    }
    switch (types[argument].kind()) {
      case DOUBLE:
        return data[argument].getDouble((long) row << 3);
      case REAL:
        return data[argument].getFloat((long) row << 2);
      case DECIMAL:
        return DecimalMath.readDecimal(data[argument], row, types[argument].scale()).doubleValue();
      default:
        return Vectors.readExact(data[argument], widths[argument], row);
    }
  }

  @Override
  public boolean getBoolean(int argument, int row) {
    if (constant[argument]) {
      return (Boolean) constants[argument];
    }
    return Validity.isSet(data[argument], row);
  }

  @Override
  public BigDecimal getDecimal(int argument, int row) {
    if (constant[argument]) {
      return ExactComparisonKernel.exactValue(constants[argument]);
    }
    DataType argumentType = types[argument];
    if (argumentType.kind() == TypeKind.DECIMAL) {
      return DecimalMath.readDecimal(data[argument], row, argumentType.scale());
    }
    return BigDecimal.valueOf(Vectors.readExact(data[argument], widths[argument], row));
  }

  @Override
  public String getString(int argument, int row) {
    if (constant[argument]) {
      return (String) constants[argument];
    }
    ArrowBuf offset = offsets[argument];
    int start = offset.getInt((long) row << 2);
    int end = offset.getInt((long) (row + 1) << 2);
    byte[] bytes = new byte[end - start];
    data[argument].getBytes(start, bytes, 0, bytes.length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public int getCharCount(int argument, int row) {
    if (constant[argument]) {
      String text = (String) constants[argument];
      return text.codePointCount(0, text.length());
    }
    ArrowBuf offset = offsets[argument];
    int start = offset.getInt((long) row << 2);
    int end = offset.getInt((long) (row + 1) << 2);
    ArrowBuf bytes = data[argument];
    int characters = 0;
    for (int b = start; b < end; b++) {
      characters += (bytes.getByte(b) & 0xC0) != 0x80 ? 1 : 0;
    }
    return characters;
  }

  // ---- KernelResult -------------------------------------------------------------------------

  @Override
  public void setLong(int row, long value) {
    if (resultWidth > 0 && resultWidth < 8 && (value < Vectors.minimum(resultWidth) || value > Vectors.maximum(resultWidth))) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, name + ": " + value + " is out of range for " + type);
    }
    if (type.kind() == TypeKind.DECIMAL) {
      setDecimal(row, BigDecimal.valueOf(value));
      return;
    }
    Vectors.writeExact(resultData, resultWidth, row, value);
    Validity.set(resultValidity, row);
  }

  @Override
  public void setDouble(int row, double value) {
    if (resultReal) {
      resultData.setFloat((long) row << 2, (float) value);
    } else {
      resultData.setDouble((long) row << 3, value);
    }
    Validity.set(resultValidity, row);
  }

  @Override
  public void setBoolean(int row, boolean value) {
    if (value) {
      Validity.set(resultData, row);
    } else {
      Validity.clear(resultData, row);
    }
    Validity.set(resultValidity, row);
  }

  @Override
  public void setDecimal(int row, BigDecimal value) {
    BigDecimal fitted = ValueConversions.fitDecimal(value, type, value.toPlainString());
    DecimalMath.writeBig(resultData, row, fitted.unscaledValue());
    Validity.set(resultValidity, row);
  }

  @Override
  public void setString(int row, String value) {
    ((BaseVariableWidthVector) result).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void setNull(int row) {
    if (type.kind() != TypeKind.NULL) {
      result.setNull(row);
    }
  }

  @Override
  public String toString() {
    return name + children;
  }
}
