package io.quiver.cli.progress;

import io.quiver.engine.Quiver;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.engine.event.Outcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The shell's progress line on stderr, fed by the engine's events: one {@link ProgressBar} per
 * running stage, shown once the stage has run for {@link #SHOW_AFTER_MILLIS} (short queries print
 * nothing), redrawn in place with {@code \r} when it changes, and wiped when the job ends.
 *
 * <p>Events arrive on the engine's threads and only update counters; {@link #refresh()} draws, from
 * the timer that {@link #start} runs every {@link #REFRESH_MILLIS} (tests call it with a fake clock).
 */
public final class ConsoleProgress implements EventListener, AutoCloseable {

  public static final long SHOW_AFTER_MILLIS = 500;
  public static final long REFRESH_MILLIS = 200;

  /** A stage that runs: its counters and when this listener saw it start. */
  private static final class RunningStage {
    final String jobId;
    final int stageId;
    final int totalTasks;
    final long submittedMillis;
    int completedTasks;
    int runningTasks;

    RunningStage(String jobId, int stageId, int totalTasks, long submittedMillis) {
      this.jobId = jobId;
      this.stageId = stageId;
      this.totalTasks = totalTasks;
      this.submittedMillis = submittedMillis;
    }
  }

  private final PrintStream out;
  private final int width;
  private final LongSupplier clockMillis;
  /** Keyed by job id and stage id, in submission order. */
  private final Map<String, RunningStage> stages = new LinkedHashMap<>();
  /** What the terminal shows now; empty when the line is clear. */
  private String shown = "";
  private Runnable stopper = () -> { };

  /** Runs {@code stop} when the line is closed (the caller's timer, for example). */
  public void onClose(Runnable stop) {
    this.stopper = stop;
  }

  /**
   * @param out where the line goes (stderr)
   * @param width the terminal's width in characters
   * @param clockMillis a millisecond clock (wall or fake)
   */
  public ConsoleProgress(PrintStream out, int width, LongSupplier clockMillis) {
    if (width < 20) {
      throw new IllegalArgumentException("a progress line needs at least 20 columns, not " + width);
    }
    this.out = out;
    this.width = width;
    this.clockMillis = clockMillis;
  }

  /**
   * Shows the progress of the engine's queries on {@code out} until closed: subscribes to its events
   * and redraws from a daemon thread ({@code quiver-shell-progress}).
   */
  public static ConsoleProgress start(Quiver engine, PrintStream out, int width) {
    ConsoleProgress progress = new ConsoleProgress(out, width, System::currentTimeMillis);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "quiver-shell-progress");
      thread.setDaemon(true);
      return thread;
    });
    engine.events().subscribe(progress);
    timer.scheduleWithFixedDelay(progress::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    progress.stopper = () -> {
      engine.events().unsubscribe(progress);
      timer.shutdownNow();
    };
    return progress;
  }

  /** The terminal width from {@code COLUMNS}, or 80. */
  public static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int value = Integer.parseInt(columns.trim());
        if (value >= 20) {
          return value;
        }
      } catch (NumberFormatException e) {
        // the default below
      }
    }
    return 80;
  }

  @Override
  public synchronized void onEvent(QueryEvent event) {
    if (event instanceof StageSubmitted submitted) {
      stages.put(key(submitted.jobId(), submitted.stageId()),
          new RunningStage(submitted.jobId(), submitted.stageId(), submitted.taskCount(), clockMillis.getAsLong()));
    } else if (event instanceof TaskStarted started) {
      RunningStage stage = stages.get(key(started.jobId(), started.stageId()));
      if (stage != null) {
        stage.runningTasks++;
      }
    } else if (event instanceof TaskEnded ended) {
      RunningStage stage = stages.get(key(ended.jobId(), ended.stageId()));
      if (stage != null) {
        stage.runningTasks = Math.max(0, stage.runningTasks - 1);
        if (ended.outcome() == Outcome.SUCCEEDED) {
          stage.completedTasks++;
        }
      }
    } else if (event instanceof StageCompleted completed) {
      stages.remove(key(completed.jobId(), completed.stageId()));
    } else if (event instanceof JobEnded ended) {
      stages.values().removeIf(stage -> stage.jobId.equals(ended.jobId()));
      if (stages.isEmpty()) {
        clear();
      }
    }
  }

  /**
   * The stages running now as a server reports them (for the shell with {@code --url}, which sees
   * no events): replaces what this line tracks. A stage counts as submitted when this line first
   * saw it.
   */
  public synchronized void showRunning(List<RemoteStage> running) {
    Map<String, RunningStage> next = new LinkedHashMap<>();
    long now = clockMillis.getAsLong();
    for (RemoteStage remote : running) {
      String key = key(remote.jobId(), remote.stageId());
      RunningStage known = stages.get(key);
      RunningStage stage = new RunningStage(remote.jobId(), remote.stageId(), remote.totalTasks(),
          known == null ? now : known.submittedMillis);
      stage.completedTasks = remote.completedTasks();
      stage.runningTasks = remote.runningTasks();
      next.put(key, stage);
    }
    stages.clear();
    stages.putAll(next);
  }

  /** A running stage as a server's {@code /ui/api/progress} lists it. */
  public record RemoteStage(String jobId, int stageId, int totalTasks, int completedTasks, int runningTasks) {
  }

  /** Draws the stages that have run long enough, if the line changed; clears it when none has. */
  public synchronized void refresh() {
    long now = clockMillis.getAsLong();
    List<StageStatus> visible = new ArrayList<>();
    for (RunningStage stage : stages.values()) {
      if (now - stage.submittedMillis >= SHOW_AFTER_MILLIS) {
        visible.add(new StageStatus(stage.stageId, stage.totalTasks, stage.completedTasks, stage.runningTasks));
      }
    }
    if (visible.isEmpty()) {
      clear();
      return;
    }
    String line = ProgressBar.render(visible, width);
    if (!line.equals(shown)) {
      // Spaces wipe what a longer previous line left behind.
      String padding = " ".repeat(Math.max(0, shown.length() - line.length()));
      out.print("\r" + line + padding + "\r");
      out.flush();
      shown = line;
    }
  }

  /** Wipes the line if one is shown. */
  private void clear() {
    if (!shown.isEmpty()) {
      out.print("\r" + " ".repeat(shown.length()) + "\r");
      out.flush();
      shown = "";
    }
  }

  private static String key(String jobId, int stageId) {
    return jobId + "/" + stageId;
  }

  /** Stops listening and drawing, and wipes the line. */
  @Override
  public void close() {
    stopper.run();
    synchronized (this) {
      stages.clear();
      clear();
    }
  }
}
