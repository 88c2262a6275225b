package io.quiver.cli;

/**
 * One thing {@code quiver <name>} does. {@link QuiverCli} chooses the subcommand by the first
 * argument; later ones (server, bench, executor, passwd) register there next to the shell.
 */
public interface Subcommand {

  /** The word after {@code quiver} that selects this subcommand. */
  String name();

  /** One line for the usage text. */
  String summary();

  /**
   * Runs with the arguments after the subcommand's name.
   *
   * @return the process exit status: 0 success, 1 a failed statement or task, 2 wrong usage
   */
  int run(String[] args, Console console) throws Exception;
}
