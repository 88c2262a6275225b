package io.quiver.planner.statistics;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The planner's metadata: Calcite's defaults with Quiver's join row counts ({@link JoinRowCount})
 * and the keys of column-pruned scans ({@link PrunedScanUniqueness}, {@link PrunedScanUniqueKeys})
 * in front. One shared instance, so that Calcite compiles its dispatch code once per JVM.
 */
public final class QuiverMetadata {

  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new JoinRowCount(),
          BuiltInMetadata.RowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new PrunedScanUniqueness(),
          BuiltInMetadata.ColumnUniqueness.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new PrunedScanUniqueKeys(),
          BuiltInMetadata.UniqueKeys.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private QuiverMetadata() {
  }
}
