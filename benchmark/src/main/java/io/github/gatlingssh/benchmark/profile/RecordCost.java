package io.github.gatlingssh.benchmark.profile;

import io.github.gatlingssh.metrics.RunMetrics;
import io.github.gatlingssh.protocol.Metrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The in-line cost of one request's record call (what an action pays on a Gatling or MINA thread
 * when a request ends): {@link RunMetrics#record} in a tight loop, on as many threads at once as
 * the machine has cores (they contend on the same meters, as the users' event loops do), thread CPU
 * time per repetition after a warm-up, median over the repetitions. The request names and a spread
 * of response times (1 ms to 1 s, log-uniform) make the histograms move as in a run.
 */
final class RecordCost {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {
    "connect", "start", "close and exit status", "execute", "channel read", "disconnect"
  };
  private static final int RECORDS = 20_000;
  private static final int WARM_UP = 30;
  private static final int REPETITIONS = 60;

  private RecordCost() {}

  /**
   * The median CPU ns of one record call on a run's metrics with these settings. The metrics are
   * left open (closing writes an injector page into the working directory); the JVM exits after.
   */
  static double medianNanos(Metrics settings) throws InterruptedException {
    RunMetrics metrics = new RunMetrics(null);
    metrics.start(settings);
    long[] millis = new long[4096];
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < millis.length; i++) {
      millis[i] = Math.round(Math.exp(random.nextDouble(Math.log(1000))));
    }
    List<Double> perRecord = Collections.synchronizedList(new ArrayList<>());
    int cores = Runtime.getRuntime().availableProcessors();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < cores; t++) {
      int offset = t * 7;
      Thread thread =
          new Thread(
              () -> {
                for (int rep = 0; rep < WARM_UP + REPETITIONS; rep++) {
                  long start = THREADS.getCurrentThreadCpuTime();
                  for (int i = 0; i < RECORDS; i++) {
                    int k = i + offset;
                    metrics.record(NAMES[k % NAMES.length], k % 97 != 0, 0, millis[k & 4095]);
                  }
                  long nanos = THREADS.getCurrentThreadCpuTime() - start;
                  if (rep >= WARM_UP) {
                    perRecord.add(nanos / (double) RECORDS);
                  }
                }
              },
              "profile-record-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Double> sorted = new ArrayList<>(perRecord);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
