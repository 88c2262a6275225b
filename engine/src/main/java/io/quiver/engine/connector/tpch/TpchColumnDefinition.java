package io.quiver.engine.connector.tpch;

import io.quiver.exec.type.DataType;
import io.trino.tpch.TpchEntity;

/** One column of a TPC-H table: its name, its SQL type and how its values are generated. */
record TpchColumnDefinition<E extends TpchEntity>(String name, DataType type, TpchColumnValues<E> values) {
}
