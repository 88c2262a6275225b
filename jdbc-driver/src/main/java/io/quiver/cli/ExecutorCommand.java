package io.quiver.cli;

import io.quiver.engine.cluster.executor.ExecutorMain;

/**
 * {@code quiver executor --driver HOST:PORT ...}: an executor process of a standalone cluster; runs
 * until its driver is gone. See {@link ExecutorMain}.
 */
final class ExecutorCommand implements Subcommand {

  @Override
  public String name() {
    return "executor";
  }

  @Override
  public String summary() {
    return "runs an executor process for a server started with --cluster standalone";
  }

  @Override
  public int run(String[] args, Console console) {
    if (args.length == 1 && ("-h".equals(args[0]) || "--help".equals(args[0]))) {
      console.out().println(ExecutorMain.OPTIONS);
      return 0;
    }
    return ExecutorMain.run(args, System.getenv(), console.err());
  }
}
