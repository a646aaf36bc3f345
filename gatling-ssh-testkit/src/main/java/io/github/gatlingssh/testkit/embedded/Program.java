package io.github.gatlingssh.testkit.embedded;

import java.util.List;

/**
 * The body of one in-JVM command. {@link #start} runs on a MINA I/O thread and must not block: it
 * queues output on {@link InJvmCommand#out()}/{@link InJvmCommand#err()}, schedules timers with
 * {@link InJvmCommand#schedule}, and eventually calls {@link InJvmCommand#exit(int)} (or {@link
 * InJvmCommand#exitWithSignal(String, int)}) exactly once, or never for a command that hangs.
 */
@FunctionalInterface
interface Program {

  /**
   * Starts the command.
   *
   * @param command the running command: streams, timers, exit
   * @param args the words after the command name
   */
  void start(InJvmCommand command, List<String> args);
}
