package io.quiver.engine.connector.file.scan;

import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.DataType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a conjunction of {@link PushedComparison}s as a Substrait {@code ExtendedExpression}, the
 * form Arrow's dataset scanner takes as a filter. Arrow evaluates it against each Parquet row group's
 * statistics and skips the row groups where it cannot be true (and filters the remaining rows).
 *
 * <p>The base schema must be the whole file schema, in file order: Arrow binds field references by
 * position.
 */
public final class SubstraitFilter {

  private static final String COMPARISON_URI =
      "https://github.com/substrait-io/substrait/blob/main/extensions/functions_comparison.yaml";
  private static final String BOOLEAN_URI =
      "https://github.com/substrait-io/substrait/blob/main/extensions/functions_boolean.yaml";
  private static final int NULLABLE = 1;
  private static final int REQUIRED = 2;

  private SubstraitFilter() {
  }

  /**
   * @param fileSchema the types of every column of the file, in file order
   * @param names the names of those columns
   * @return the serialized expression in a direct buffer, or null when a type cannot be expressed
   */
  public static ByteBuffer encode(List<DataType> fileSchema, List<String> names, List<PushedComparison> conjuncts) {
    if (conjuncts.isEmpty()) {
      return null;
    }
    ProtoWriter struct = new ProtoWriter();
    for (DataType type : fileSchema) {
      ProtoWriter encodedType = type(type, NULLABLE);
      if (encodedType == null) {
        return null;
      }
      struct.message(1, encodedType);
    }
    struct.varint(3, REQUIRED);
    ProtoWriter baseSchema = new ProtoWriter();
    for (String name : names) {
      baseSchema.string(1, name);
    }
    baseSchema.message(2, struct);

    Map<String, Integer> functionAnchors = new LinkedHashMap<>();
    List<ProtoWriter> terms = new ArrayList<>();
    for (PushedComparison conjunct : conjuncts) {
      ProtoWriter term = comparison(conjunct, fileSchema.get(conjunct.column()), functionAnchors);
      if (term == null) {
        return null;
      }
      terms.add(term);
    }
    // Arrow's "and" takes two arguments: a left-deep chain
    ProtoWriter root = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      int and = anchor(functionAnchors, BOOLEAN_URI, "and");
      ProtoWriter function = new ProtoWriter().varint(1, and)
          .message(4, new ProtoWriter().message(3, root))
          .message(4, new ProtoWriter().message(3, terms.get(i)))
          .message(3, booleanType());
      root = new ProtoWriter().message(3, function);
    }

    ProtoWriter extended = new ProtoWriter();
    extended.message(7, new ProtoWriter().varint(1, 0).varint(2, 42));
    extended.message(1, new ProtoWriter().varint(1, 1).string(2, COMPARISON_URI));
    extended.message(1, new ProtoWriter().varint(1, 2).string(2, BOOLEAN_URI));
    for (Map.Entry<String, Integer> function : functionAnchors.entrySet()) {
      String[] uriAndName = function.getKey().split("#", 2);
      int uriAnchor = uriAndName[0].equals(COMPARISON_URI) ? 1 : 2;
      ProtoWriter declaration = new ProtoWriter().varint(1, uriAnchor).varint(2, function.getValue())
          .string(3, uriAndName[1]);
      extended.message(2, new ProtoWriter().message(3, declaration));
    }
    extended.message(3, new ProtoWriter().message(1, root).string(3, "filter"));
    extended.message(4, baseSchema);
    byte[] bytes = extended.toByteArray();
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
    buffer.put(bytes).flip();
    return buffer;
  }

  private static int anchor(Map<String, Integer> anchors, String uri, String name) {
    return anchors.computeIfAbsent(uri + "#" + name, key -> anchors.size() + 1);
  }

  private static ProtoWriter comparison(PushedComparison conjunct, DataType type, Map<String, Integer> anchors) {
    ProtoWriter field = new ProtoWriter()
        .message(1, new ProtoWriter().message(2, new ProtoWriter().varint(1, conjunct.column())))
        .message(4, new ProtoWriter());
    ProtoWriter function = new ProtoWriter()
        .varint(1, anchor(anchors, COMPARISON_URI, conjunct.operator().substraitName()));
    function.message(4, new ProtoWriter().message(3, new ProtoWriter().message(2, field)));
    if (!conjunct.operator().isUnary()) {
      ProtoWriter literal = literal(conjunct.value(), type);
      if (literal == null) {
        return null;
      }
      function.message(4, new ProtoWriter().message(3, new ProtoWriter().message(1, literal)));
    }
    function.message(3, booleanType());
    return new ProtoWriter().message(3, function);
  }

  private static ProtoWriter booleanType() {
    return new ProtoWriter().message(1, new ProtoWriter().varint(2, NULLABLE));
  }

  /** A Substrait {@code Type} for a column type, or null when Arrow's consumer could not match it. */
  static ProtoWriter type(DataType type, int nullability) {
    ProtoWriter plain = new ProtoWriter().varint(2, nullability);
    switch (type.kind()) {
      case BOOLEAN:
        return new ProtoWriter().message(1, plain);
      case TINYINT:
        return new ProtoWriter().message(2, plain);
      case SMALLINT:
        return new ProtoWriter().message(3, plain);
      case INTEGER:
        return new ProtoWriter().message(5, plain);
      case BIGINT:
        return new ProtoWriter().message(7, plain);
      case REAL:
        return new ProtoWriter().message(10, plain);
      case DOUBLE:
        return new ProtoWriter().message(11, plain);
      case CHAR:
      case VARCHAR:
        return new ProtoWriter().message(12, plain);
      case VARBINARY:
        return new ProtoWriter().message(13, plain);
      case TIMESTAMP:
        return new ProtoWriter().message(14, plain);
      case DATE:
        return new ProtoWriter().message(16, plain);
      case TIME:
        return new ProtoWriter().message(17, plain);
      case DECIMAL:
        return new ProtoWriter().message(24, new ProtoWriter().varint(1, type.scale()).varint(2, type.precision())
            .varint(4, nullability));
      default:
        return null;
    }
  }

  private static ProtoWriter literal(Literal value, DataType type) {
    if (value == null || value.isNull()) {
      return null;
    }
    ProtoWriter literal = new ProtoWriter();
    switch (type.kind()) {
      case BOOLEAN:
        return literal.bool(1, value.booleanValue());
      case TINYINT:
        return literal.varint(2, value.longValue());
      case SMALLINT:
        return literal.varint(3, value.longValue());
      case INTEGER:
        return literal.varint(5, value.longValue());
      case BIGINT:
        return literal.varint(7, value.longValue());
      case REAL:
        return literal.fixed32(10, Float.floatToIntBits((float) value.doubleValue()));
      case DOUBLE:
        return literal.fixed64(11, Double.doubleToLongBits(value.doubleValue()));
      case CHAR:
      case VARCHAR:
        return literal.string(12, value.stringValue());
      case TIMESTAMP:
        return literal.varint(14, value.longValue());
      case DATE:
        return literal.varint(16, value.longValue());
      case TIME:
        return literal.varint(17, value.longValue());
      case DECIMAL:
        return literal.message(24, new ProtoWriter()
            .bytes(1, littleEndian16(value.decimalValue().setScale(type.scale()).unscaledValue()))
            .varint(2, type.precision()).varint(3, type.scale()));
      default:
        return null;
    }
  }

  private static byte[] littleEndian16(BigInteger unscaled) {
    byte[] bigEndian = unscaled.toByteArray();
    byte[] result = new byte[16];
    byte fill = (byte) (unscaled.signum() < 0 ? 0xff : 0);
    for (int i = 0; i < 16; i++) {
      int from = bigEndian.length - 1 - i;
      result[i] = from >= 0 ? bigEndian[from] : fill;
    }
    return result;
  }
}
