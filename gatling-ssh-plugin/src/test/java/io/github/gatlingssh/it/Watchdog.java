package io.github.gatlingssh.it;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints a thread dump if something takes longer than it should, so that a hang in a long test run
 * leaves evidence behind (the test's own timeout then fails it).
 */
final class Watchdog implements AutoCloseable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fault-matrix-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final ScheduledFuture<?> dump;

  private Watchdog(String what, Duration after) {
    dump = TIMER.schedule(() -> dumpThreads(what, after), after.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Dumps all threads once if not closed within {@code after}. */
  static Watchdog start(String what, Duration after) {
    return new Watchdog(what, after);
  }

  private static void dumpThreads(String what, Duration after) {
    StringBuilder sb =
        new StringBuilder(
            "=== WATCHDOG: " + what + " still running after " + after + "; thread dump ===\n");
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      sb.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        sb.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        sb.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      sb.append('\n');
      for (StackTraceElement e : info.getStackTrace()) {
        sb.append("\tat ").append(e).append('\n');
      }
    }
    System.out.println(sb);
  }

  @Override
  public void close() {
    dump.cancel(false);
  }
}
