package io.quiver.engine.cluster;

import io.quiver.engine.cluster.executor.ExecutorMain;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts executor processes on this machine with this JVM's class path and its Arrow flags: for
 * integration tests and the benchmark, where a driver and its executors share one host.
 */
public final class ExecutorLauncher {

  private ExecutorLauncher() {
  }

  /**
   * {@code java -Xmx<heap>} with this JVM's Arrow flags and class path, ready for a main class and
   * its arguments: a process that runs Quiver's code as this one does.
   */
  public static List<String> javaCommand(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-Darrow.")
          || argument.startsWith("--sun-misc-unsafe-memory-access") || argument.startsWith("--enable-native-access")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    return command;
  }

  /**
   * Starts {@code java ... ExecutorMain --driver host:port --slots N ...}; the secret travels in the
   * environment, output goes to {@code log}.
   *
   * @param heap the executor JVM's -Xmx, e.g. {@code 1g}
   * @param options further executor options ({@code --memory}, {@code --driver-timeout}, ...)
   */
  public static Process start(String driverHost, int driverPort, int slots, String heap, Path workDir,
      String secret, List<String> options, Path log) throws IOException {
    List<String> command = javaCommand(heap);
    command.add(ExecutorMain.class.getName());
    command.addAll(List.of("--driver", driverHost + ":" + driverPort, "--slots", Integer.toString(slots),
        "--host", "127.0.0.1", "--bind", "127.0.0.1", "--work-dir", workDir.toString()));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put(ClusterOptions.SECRET_VARIABLE, secret);
    return builder.start();
  }
}
