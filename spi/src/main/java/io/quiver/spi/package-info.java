/**
 * The connector SPI: the types a connector implements and nothing else of Quiver. A connector is
 * a jar holding a {@link io.quiver.spi.ConnectorFactory} listed in
 * {@code META-INF/services/io.quiver.spi.ConnectorFactory}; the driver and every executor process
 * find it with {@link java.util.ServiceLoader}. On the driver it gives catalog metadata
 * ({@link io.quiver.spi.TableMetadata}), statistics and {@link io.quiver.spi.Split}s, which travel
 * to executors as plain data in the task's fragment; on an executor it gives a
 * {@link io.quiver.spi.SplitReader} of one split, whose batches are Arrow {@code VectorSchemaRoot}s.
 * Column types are Arrow fields; the engine maps them to SQL types as it does for Parquet columns.
 */
package io.quiver.spi;
