package io.quiver.benchmarks;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Synthetic batches shaped like TPC-H's lineitem (the columns Q1, Q6 and the joins touch), with
 * TPC-H's value ranges, so kernels see the selectivities and group counts of the real queries.
 * Column order: orderkey BIGINT, partkey BIGINT, suppkey BIGINT, quantity DECIMAL(15,2),
 * extendedprice DECIMAL(15,2), discount DECIMAL(15,2), tax DECIMAL(15,2), returnflag VARCHAR(1),
 * linestatus VARCHAR(1), shipdate DATE.
 */
final class LineitemBatches {

  static final int ORDERKEY = 0;
  static final int PARTKEY = 1;
  static final int SUPPKEY = 2;
  static final int QUANTITY = 3;
  static final int EXTENDEDPRICE = 4;
  static final int DISCOUNT = 5;
  static final int TAX = 6;
  static final int RETURNFLAG = 7;
  static final int LINESTATUS = 8;
  static final int SHIPDATE = 9;

  static final DataType MONEY = DataType.decimal(15, 2);

  static final RowSchema SCHEMA = new RowSchema(List.of(
      new Column("l_orderkey", DataType.BIGINT, false),
      new Column("l_partkey", DataType.BIGINT, false),
      new Column("l_suppkey", DataType.BIGINT, false),
      new Column("l_quantity", MONEY, false),
      new Column("l_extendedprice", MONEY, false),
      new Column("l_discount", MONEY, false),
      new Column("l_tax", MONEY, false),
      new Column("l_returnflag", DataType.varchar(1), false),
      new Column("l_linestatus", DataType.varchar(1), false),
      new Column("l_shipdate", DataType.DATE, false)));

  /** 1992-01-02, the first ship date of TPC-H, in days since the epoch. */
  static final int FIRST_SHIPDATE = 8036;

  private LineitemBatches() {
  }

  /** {@code batchCount} batches of {@code batchRows} rows; orders number {@code rows / 4}. */
  static List<VectorSchemaRoot> generate(BufferAllocator allocator, int batchCount, int batchRows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long orders = Math.max(1, (long) batchCount * batchRows / 4);
    List<VectorSchemaRoot> batches = new ArrayList<>(batchCount);
    byte[][] flags = {"A".getBytes(), "N".getBytes(), "R".getBytes()};
    byte[][] statuses = {"F".getBytes(), "O".getBytes()};
    for (int b = 0; b < batchCount; b++) {
      VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA.toArrowSchema(), allocator);
      batch.allocateNew();
      BigIntVector orderkey = (BigIntVector) batch.getVector(ORDERKEY);
      BigIntVector partkey = (BigIntVector) batch.getVector(PARTKEY);
      BigIntVector suppkey = (BigIntVector) batch.getVector(SUPPKEY);
      DecimalVector quantity = (DecimalVector) batch.getVector(QUANTITY);
      DecimalVector price = (DecimalVector) batch.getVector(EXTENDEDPRICE);
      DecimalVector discount = (DecimalVector) batch.getVector(DISCOUNT);
      DecimalVector tax = (DecimalVector) batch.getVector(TAX);
      VarCharVector returnflag = (VarCharVector) batch.getVector(RETURNFLAG);
      VarCharVector linestatus = (VarCharVector) batch.getVector(LINESTATUS);
      DateDayVector shipdate = (DateDayVector) batch.getVector(SHIPDATE);
      for (int i = 0; i < batchRows; i++) {
        orderkey.setSafe(i, 1 + ((long) b * batchRows + i) / 4);
        partkey.setSafe(i, 1 + random.nextLong(200_000));
        suppkey.setSafe(i, 1 + random.nextLong(10_000));
        long q = 1 + random.nextLong(50);
        quantity.setSafe(i, BigDecimal.valueOf(q * 100, 2));
        price.setSafe(i, BigDecimal.valueOf(q * (90_000 + random.nextLong(1_000_000)), 2));
        discount.setSafe(i, BigDecimal.valueOf(random.nextLong(11), 2));
        tax.setSafe(i, BigDecimal.valueOf(random.nextLong(9), 2));
        returnflag.setSafe(i, flags[random.nextInt(3)]);
        linestatus.setSafe(i, statuses[random.nextInt(2)]);
        shipdate.setSafe(i, FIRST_SHIPDATE + random.nextInt(2526));
      }
      batch.setRowCount(batchRows);
      batches.add(batch);
    }
    assert orders > 0;
    return batches;
  }

  /** A second reference to each batch's buffers, for an operator that takes ownership of its input. */
  static VectorSchemaRoot share(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    for (int c = 0; c < batch.getFieldVectors().size(); c++) {
      batch.getVector(c).makeTransferPair(copy.getVector(c)).splitAndTransfer(0, batch.getRowCount());
    }
    copy.setRowCount(batch.getRowCount());
    return copy;
  }
}
