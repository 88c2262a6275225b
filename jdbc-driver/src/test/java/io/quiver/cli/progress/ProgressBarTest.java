package io.quiver.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void oneStageInSparksForm() {
    // 80 columns: "[Stage 2:" (9) + bar (57) + "(12 + 2) / 48]" (14); 12/48 of 57 = 14 '='.
    String line = ProgressBar.render(List.of(new StageStatus(2, 48, 12, 2)), 80);
    assertEquals("[Stage 2:" + "=".repeat(14) + ">" + " ".repeat(42) + "(12 + 2) / 48]", line);
    assertEquals(80, line.length());
  }

  @Test
  void emptyAndFullBars() {
    assertEquals("[Stage 0:>" + " ".repeat(10) + "(0 + 4) / 4]", ProgressBar.render(List.of(new StageStatus(0, 4, 0, 4)), 32));
    assertEquals("[Stage 0:" + "=".repeat(10) + "(4 + 0) / 4]", ProgressBar.render(List.of(new StageStatus(0, 4, 4, 0)), 31));
  }

  @Test
  void stagesShareTheWidth() {
    String line = ProgressBar.render(List.of(new StageStatus(0, 8, 2, 2), new StageStatus(1, 8, 0, 0)), 80);
    assertTrue(line.startsWith("[Stage 0:"), line);
    assertTrue(line.contains("(2 + 2) / 8][Stage 1:>"), line);
    assertTrue(line.endsWith("(0 + 0) / 8]"), line);
    assertEquals(80, line.length());
  }

  @Test
  void tooNarrowDropsTheBarNotTheNumbers() {
    assertEquals("[Stage 12:(1000 + 16) / 20000]", ProgressBar.render(List.of(new StageStatus(12, 20000, 1000, 16)), 20));
  }

  @Test
  void noStagesNoLine() {
    assertEquals("", ProgressBar.render(List.of(), 80));
  }

  @Test
  void zeroTasksDoesNotDivideByZero() {
    assertTrue(ProgressBar.render(List.of(new StageStatus(3, 0, 0, 0)), 40).endsWith("(0 + 0) / 0]"));
  }
}
