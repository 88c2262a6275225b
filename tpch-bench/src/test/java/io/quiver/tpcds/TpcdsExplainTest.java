package io.quiver.tpcds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPLAIN of the TPC-DS queries with a window over a ROLLUP (q36, q70): the plan's exchanges are
 * stage boundaries; the ROLLUP's partial aggregate (over the grouping sets' expansion) writes a hash
 * exchange, and the window runs in a stage fed by a hash exchange. The scans under the window read
 * only the columns the query uses (the field trimmer once kept every column below a window over a
 * join: 23 columns of store_sales for q36).
 */
class TpcdsExplainTest {

  private static final Pattern SCAN_COLUMNS = Pattern.compile("TableScan tpcds\\.tiny\\.(\\w+) columns=\\[([^\\]]*)\\]");

  @ParameterizedTest
  @ValueSource(ints = {36, 70})
  void aWindowOverARollupRunsInStagesCutAtItsExchanges(int number) {
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2));
         Session session = quiver.openSession()) {
      lines(session, "USE tpcds.tiny");
      String plan = String.join("\n", lines(session, "EXPLAIN " + TpcdsQueryText.load(number)));
      String stagesText = plan.substring(plan.indexOf("== Stages"));
      int end = stagesText.indexOf("\n== ", 1);
      if (end > 0) {
        stagesText = stagesText.substring(0, end);
      }
      List<String> stages = new ArrayList<>();
      for (String stage : stagesText.split("\n(?=Stage \\d+:)")) {
        if (stage.startsWith("Stage ")) {
          stages.add(stage);
        }
      }
      assertTrue(stages.size() >= 5, plan);
      assertTrue(stages.stream().anyMatch(stage -> stage.contains("Expand sets=")
          && stage.contains("Aggregate[PARTIAL]") && stage.contains("output hash exchange")), plan);
      assertTrue(stages.stream().anyMatch(stage -> stage.contains("Window OVER (PARTITION BY")
          && stage.contains("through its hash exchange")), plan);

      Matcher scan = SCAN_COLUMNS.matcher(plan);
      int scans = 0;
      while (scan.find()) {
        scans++;
        int columns = scan.group(2).split(",").length;
        assertTrue(columns <= 6, "q" + number + " scans " + columns + " columns of " + scan.group(1) + ":\n" + plan);
      }
      assertTrue(scans >= 4, plan);
    }
  }

  private static List<String> lines(Session session, String sql) {
    List<String> lines = new ArrayList<>();
    try (QueryResult result = session.execute(sql)) {
      if (!result.isRowResult()) {
        return lines;
      }
      while (result.loadNextBatch()) {
        for (int i = 0; i < result.root().getRowCount(); i++) {
          Object value = result.root().getVector(0).getObject(i);
          lines.add(value == null ? null : value.toString());
        }
      }
    }
    return lines;
  }
}
