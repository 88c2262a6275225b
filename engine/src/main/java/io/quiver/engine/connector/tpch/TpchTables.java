package io.quiver.engine.connector.tpch;

import io.quiver.exec.type.DataType;
import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The eight TPC-H tables with the column types Quiver gives them. Money columns come from the
 * generator's exact cents, never from its doubles; dates are the generator's days since 1970-01-01.
 */
final class TpchTables {

  private static final DataType MONEY = DataType.decimal(15, 2);

  static final TpchTableDefinition<LineItem> LINEITEM = new TpchTableDefinition<>("lineitem",
      TpchTable.LINE_ITEM,
      List.of(
          bigint("l_orderkey", LineItem::getOrderKey),
          bigint("l_partkey", LineItem::getPartKey),
          bigint("l_suppkey", LineItem::getSupplierKey),
          integer("l_linenumber", LineItem::getLineNumber),
          // The generator keeps the quantity as a whole number; DECIMAL(15, 2) wants hundredths.
          money("l_quantity", row -> row.getQuantity() * 100),
          money("l_extendedprice", LineItem::getExtendedPriceInCents),
          money("l_discount", LineItem::getDiscountPercent),
          money("l_tax", LineItem::getTaxPercent),
          text("l_returnflag", DataType.character(1), LineItem::getReturnFlag),
          text("l_linestatus", DataType.character(1), LineItem::getStatus),
          date("l_shipdate", LineItem::getShipDate),
          date("l_commitdate", LineItem::getCommitDate),
          date("l_receiptdate", LineItem::getReceiptDate),
          text("l_shipinstruct", DataType.varchar(25), LineItem::getShipInstructions),
          text("l_shipmode", DataType.varchar(10), LineItem::getShipMode),
          text("l_comment", DataType.varchar(44), LineItem::getComment)),
      6_000_000L, true, List.of(0, 3));

  static final TpchTableDefinition<Order> ORDERS = new TpchTableDefinition<>("orders",
      TpchTable.ORDERS,
      List.of(
          bigint("o_orderkey", Order::getOrderKey),
          bigint("o_custkey", Order::getCustomerKey),
          new TpchColumnDefinition<Order>("o_orderstatus", DataType.character(1),
              new TpchColumnValues.SingleChars<>(Order::getOrderStatus)),
          money("o_totalprice", Order::getTotalPriceInCents),
          date("o_orderdate", Order::getOrderDate),
          text("o_orderpriority", DataType.varchar(15), Order::getOrderPriority),
          text("o_clerk", DataType.varchar(15), Order::getClerk),
          integer("o_shippriority", Order::getShipPriority),
          text("o_comment", DataType.varchar(79), Order::getComment)),
      1_500_000L, true, List.of(0));

  static final TpchTableDefinition<Customer> CUSTOMER = new TpchTableDefinition<>("customer",
      TpchTable.CUSTOMER,
      List.of(
          bigint("c_custkey", Customer::getCustomerKey),
          text("c_name", DataType.varchar(25), Customer::getName),
          text("c_address", DataType.varchar(40), Customer::getAddress),
          bigint("c_nationkey", Customer::getNationKey),
          text("c_phone", DataType.varchar(15), Customer::getPhone),
          money("c_acctbal", Customer::getAccountBalanceInCents),
          text("c_mktsegment", DataType.varchar(10), Customer::getMarketSegment),
          text("c_comment", DataType.varchar(117), Customer::getComment)),
      150_000L, true, List.of(0));

  static final TpchTableDefinition<Part> PART = new TpchTableDefinition<>("part",
      TpchTable.PART,
      List.of(
          bigint("p_partkey", Part::getPartKey),
          text("p_name", DataType.varchar(55), Part::getName),
          text("p_mfgr", DataType.varchar(25), Part::getManufacturer),
          text("p_brand", DataType.varchar(10), Part::getBrand),
          text("p_type", DataType.varchar(25), Part::getType),
          integer("p_size", Part::getSize),
          text("p_container", DataType.varchar(10), Part::getContainer),
          money("p_retailprice", Part::getRetailPriceInCents),
          text("p_comment", DataType.varchar(23), Part::getComment)),
      200_000L, true, List.of(0));

  static final TpchTableDefinition<Supplier> SUPPLIER = new TpchTableDefinition<>("supplier",
      TpchTable.SUPPLIER,
      List.of(
          bigint("s_suppkey", Supplier::getSupplierKey),
          text("s_name", DataType.varchar(25), Supplier::getName),
          text("s_address", DataType.varchar(40), Supplier::getAddress),
          bigint("s_nationkey", Supplier::getNationKey),
          text("s_phone", DataType.varchar(15), Supplier::getPhone),
          money("s_acctbal", Supplier::getAccountBalanceInCents),
          text("s_comment", DataType.varchar(101), Supplier::getComment)),
      10_000L, true, List.of(0));

  static final TpchTableDefinition<PartSupplier> PARTSUPP = new TpchTableDefinition<>("partsupp",
      TpchTable.PART_SUPPLIER,
      List.of(
          bigint("ps_partkey", PartSupplier::getPartKey),
          bigint("ps_suppkey", PartSupplier::getSupplierKey),
          integer("ps_availqty", PartSupplier::getAvailableQuantity),
          money("ps_supplycost", PartSupplier::getSupplyCostInCents),
          text("ps_comment", DataType.varchar(199), PartSupplier::getComment)),
      800_000L, true, List.of(0, 1));

  static final TpchTableDefinition<Nation> NATION = new TpchTableDefinition<>("nation",
      TpchTable.NATION,
      List.of(
          bigint("n_nationkey", Nation::getNationKey),
          text("n_name", DataType.varchar(25), Nation::getName),
          bigint("n_regionkey", Nation::getRegionKey),
          text("n_comment", DataType.varchar(152), Nation::getComment)),
      25L, false, List.of(0));

  static final TpchTableDefinition<Region> REGION = new TpchTableDefinition<>("region",
      TpchTable.REGION,
      List.of(
          bigint("r_regionkey", Region::getRegionKey),
          text("r_name", DataType.varchar(25), Region::getName),
          text("r_comment", DataType.varchar(152), Region::getComment)),
      5L, false, List.of(0));

  /** Every table, in the order TPC-H lists them. */
  static final List<TpchTableDefinition<?>> ALL =
      List.of(PART, SUPPLIER, PARTSUPP, CUSTOMER, ORDERS, LINEITEM, NATION, REGION);

  private static final Map<String, TpchTableDefinition<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(TpchTableDefinition::name, Function.identity()));

  private TpchTables() {
  }

  /** The table named {@code name}, or null. */
  static TpchTableDefinition<?> byName(String name) {
    return BY_NAME.get(name);
  }

  private static <E extends TpchEntity> TpchColumnDefinition<E> bigint(String name, ToLongFunction<E> getter) {
    return new TpchColumnDefinition<>(name, DataType.BIGINT, new TpchColumnValues.Longs<>(getter));
  }

  private static <E extends TpchEntity> TpchColumnDefinition<E> integer(String name, ToIntFunction<E> getter) {
    return new TpchColumnDefinition<>(name, DataType.INTEGER, new TpchColumnValues.Ints<>(getter));
  }

  private static <E extends TpchEntity> TpchColumnDefinition<E> date(String name, ToIntFunction<E> getter) {
    return new TpchColumnDefinition<>(name, DataType.DATE, new TpchColumnValues.Ints<>(getter));
  }

  private static <E extends TpchEntity> TpchColumnDefinition<E> money(String name, ToLongFunction<E> cents) {
    return new TpchColumnDefinition<>(name, MONEY, new TpchColumnValues.Cents<>(cents));
  }

  private static <E extends TpchEntity> TpchColumnDefinition<E> text(String name, DataType type,
      Function<E, String> getter) {
    return new TpchColumnDefinition<>(name, type, new TpchColumnValues.Texts<>(getter));
  }
}
