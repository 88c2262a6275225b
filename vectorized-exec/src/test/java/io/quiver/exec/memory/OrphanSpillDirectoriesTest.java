package io.quiver.exec.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.shuffle.spill.OrphanDirectories;
import io.quiver.exec.shuffle.spill.SpillDirectory;
import io.quiver.exec.task.TaskMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor starting over a spill directory removes the task directories a crashed process left
 * (their process id names no live process), and leaves alone those of live processes and
 * everything not named like a spill directory.
 */
class OrphanSpillDirectoriesTest {

  @Test
  void aStartingExecutorRemovesTheSpillDirectoriesOfDeadProcessesOnly(@TempDir Path parent) throws Exception {
    long dead = deadProcessId();
    Path orphan = Files.createDirectory(parent.resolve(SpillDirectory.PREFIX + dead + "-123"));
    Files.writeString(orphan.resolve("sort-run-1.arrow"), "left by a crash");
    Path live = Files.createDirectory(parent.resolve(OrphanDirectories.ownPrefix(SpillDirectory.PREFIX) + "456"));
    Path unnamed = Files.createDirectory(parent.resolve(SpillDirectory.PREFIX + "abc"));
    Path other = Files.createDirectory(parent.resolve("something-else-" + dead + "-1"));

    ExecutorMemoryManager manager = new ExecutorMemoryManager(parent);

    assertFalse(Files.exists(orphan), "the crashed process's directory is removed");
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(unnamed));
    assertTrue(Files.exists(other));
    // the new tasks' directories carry this process's id
    try (BufferAllocator allocator = new RootAllocator();
        TaskMemory task = manager.newTask(allocator, new TaskMetrics())) {
      Path file = task.newSpillFile("join-build-0");
      assertTrue(file.getParent().getFileName().toString()
          .startsWith(SpillDirectory.PREFIX + ProcessHandle.current().pid() + "-"), file.toString());
    }
  }

  @Test
  void theTemporaryDirectoryAndAMissingDirectoryAreLeftAlone(@TempDir Path parent) {
    assertEquals(0, OrphanDirectories.removeOrphans(null, SpillDirectory.PREFIX));
    assertEquals(0, OrphanDirectories.removeOrphans(parent.resolve("missing"), SpillDirectory.PREFIX));
  }

  /** The id of a process that ran and ended. */
  private static long deadProcessId() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    long pid = process.pid();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    return pid;
  }
}
