package io.quiver.engine.connector.tpcds;

import io.quiver.engine.connector.Connector;
import io.quiver.exec.connector.TableDataSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToIntFunction;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code tpcds} catalog: schemas tiny (scale factor 0.01), sf1, sf10, sf100 and sf1000, each
 * with the 24 TPC-DS tables, whose rows the tpcds library generates while they are scanned. The
 * generator makes scale factor 0.01 (the specification's smallest official one is 1): tiny has 2
 * stores, 1 warehouse, 2 call centers and 1 reason, enough to run every query on little data.
 */
public final class TpcdsConnector implements Connector {

  public static final String NAME = "tpcds";

  /** Schema names and their scale factors. */
  public static final Map<String, Double> SCALE_FACTORS = scaleFactors();

  private final Schema catalogSchema;
  private final TpcdsDataSource dataSource = new TpcdsDataSource();

  /**
   * @param splitPolicy how many splits a table of so many rows is cut into (it knows the
   *     executor's slot count); tables that keep history are always one split
   */
  public TpcdsConnector(LongToIntFunction splitPolicy) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    SCALE_FACTORS.forEach((name, scale) -> schemas.put(name, new TpcdsSchema(name, scale, splitPolicy)));
    Map<String, Schema> frozen = Map.copyOf(schemas);
    this.catalogSchema = new AbstractSchema() {
      @Override
      protected Map<String, Schema> getSubSchemaMap() {
        return frozen;
      }
    };
  }

  @Override
  public String catalogName() {
    return NAME;
  }

  @Override
  public Schema catalogSchema() {
    return catalogSchema;
  }

  @Override
  public TableDataSource dataSource() {
    return dataSource;
  }

  private static Map<String, Double> scaleFactors() {
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("tiny", 0.01);
    result.put("sf1", 1.0);
    result.put("sf10", 10.0);
    result.put("sf100", 100.0);
    result.put("sf1000", 1000.0);
    return Collections.unmodifiableMap(result);
  }
}
