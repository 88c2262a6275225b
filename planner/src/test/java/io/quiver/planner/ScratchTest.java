package io.quiver.planner;

import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() {
    for (String q : System.getProperty("queries", "4").split(",")) {
      System.out.println("=== q" + q);
      String text = PlanTesting.planner().plan("explain " + TpchPlanningTest.query(Integer.parseInt(q)),
          java.util.List.of("tpch", "sf1")).explainText();
      System.out.println(text.substring(0, text.indexOf("== Stages")));
    }
  }
}
