package io.quiver.engine.connector.tpch;

import io.quiver.engine.connector.Connector;
import io.quiver.exec.connector.TableDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code tpch} catalog: schemas tiny (scale factor 0.01), sf1, sf10, sf100 and sf1000, each with
 * the eight TPC-H tables, whose rows the tpch library generates while they are scanned.
 */
public final class TpchConnector implements Connector {

  public static final String NAME = "tpch";

  /** Schema names and their scale factors. */
  public static final Map<String, Double> SCALE_FACTORS = scaleFactors();

  private final Schema catalogSchema;
  private final TpchDataSource dataSource;

  /** A connector without a data cache: every scan generates its rows. */
  public TpchConnector(TpchSplitPolicy splitPolicy) {
    this(splitPolicy, new TpchDataCache(0));
  }

  /**
   * @param splitPolicy how tables are cut into splits (it knows the executor's slot count)
   * @param cache where generated columns are kept for later scans
   */
  public TpchConnector(TpchSplitPolicy splitPolicy, TpchDataCache cache) {
    this.dataSource = new TpchDataSource(cache);
    Map<String, Schema> schemas = new LinkedHashMap<>();
    SCALE_FACTORS.forEach((name, scale) -> schemas.put(name, new TpchSchema(name, scale, splitPolicy)));
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

  /** Drops the cached data. */
  @Override
  public void close() {
    dataSource.cache().clear();
  }

  private static Map<String, Double> scaleFactors() {
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("tiny", 0.01);
    result.put("sf1", 1.0);
    result.put("sf10", 10.0);
    result.put("sf100", 100.0);
    result.put("sf1000", 1000.0);
    return java.util.Collections.unmodifiableMap(result);
  }
}
