package io.quiver.cli.progress;

import java.util.List;

/**
 * Draws running stages as Spark's console does: {@code [Stage 2:=====>      (12 + 2) / 48]}, the
 * completed share of the stage's tasks as '=' up to a '>', then "(completed + running) / total".
 * Several stages share the line, each getting an equal part of its width.
 */
public final class ProgressBar {

  private ProgressBar() {
  }

  /** The line for the stages, at most about {@code width} characters; empty for no stages. */
  public static String render(List<StageStatus> stages, int width) {
    if (stages.isEmpty()) {
      return "";
    }
    int share = width / stages.size();
    StringBuilder line = new StringBuilder(width);
    for (StageStatus stage : stages) {
      String head = "[Stage " + stage.stageId() + ":";
      String tail = "(" + stage.completedTasks() + " + " + stage.runningTasks() + ") / " + stage.totalTasks() + "]";
      line.append(head);
      int barWidth = share - head.length() - tail.length();
      if (barWidth > 0) {
        int done = stage.totalTasks() <= 0 ? 0
            : (int) ((long) barWidth * Math.min(stage.completedTasks(), stage.totalTasks()) / stage.totalTasks());
        for (int i = 0; i < barWidth; i++) {
          line.append(i < done ? '=' : i == done ? '>' : ' ');
        }
      }
      line.append(tail);
    }
    return line.toString();
  }
}
