package io.github.gatlingssh.testkit.openssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes, when the JVM exits, the servers that tests forgot to close, so that no server process
 * outlives the test JVM. The shutdown hook is added on first use.
 */
final class ExitCleanup {

  private final String threadName;
  private final Set<AutoCloseable> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean hooked = new AtomicBoolean();

  /**
   * @param threadName the name of the shutdown hook's thread
   */
  ExitCleanup(String threadName) {
    this.threadName = threadName;
  }

  /** Closes {@code server} at JVM exit unless {@link #remove} comes first. */
  void add(AutoCloseable server) {
    if (hooked.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, threadName));
    }
    running.add(server);
  }

  /** {@code server} was closed. */
  void remove(AutoCloseable server) {
    running.remove(server);
  }

  private void closeAll() {
    for (AutoCloseable server : running) {
      try {
        server.close();
      } catch (Exception e) {
        // the JVM is exiting: nothing left to tell; the other servers must still be closed
      }
    }
  }
}
