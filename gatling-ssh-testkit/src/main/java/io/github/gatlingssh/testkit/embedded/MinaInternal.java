package io.github.gatlingssh.testkit.embedded;

import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * Runs the embedded server's work that starts outside MINA's I/O threads (command timers, held
 * input, fault steps, exit reports) flagged as MINA-internal, as MINA's own threads are: during a
 * key exchange its writes then queue instead of blocking the thread.
 */
final class MinaInternal {
  private MinaInternal() {}

  /** A step that may throw, as MINA's writes do. */
  interface Task {
    void run() throws Exception;
  }

  static void run(Task task) throws Exception {
    ThreadUtils.runAsInternal(
        () -> {
          task.run();
          return null;
        });
  }
}
