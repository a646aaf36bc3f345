package io.github.gatlingssh.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late MINA's I/O threads run a task: once per step, as many probes as a client has I/O threads
 * are queued on its pool, among the I/O completions waiting there; the time between queueing and
 * running is what a packet of a virtual user waits before it is decoded. Beside the event-loop lag,
 * it tells a saturated injector (both high) from a slow server (both low).
 */
final class IoThreadLag {
  private final Set<ExecutorService> pools = ConcurrentHashMap.newKeySet();
  private final AtomicLong maxNanos = new AtomicLong();

  /** Probes this pool from now on (a client's I/O threads); null is ignored. */
  void add(ExecutorService pool) {
    if (pool != null) {
      pools.add(pool);
    }
  }

  /** Queues one probe per I/O thread of every pool; never blocks. Closed pools are dropped. */
  void probe() {
    for (ExecutorService pool : pools) {
      if (pool.isShutdown()) {
        pools.remove(pool);
        continue;
      }
      int threads = pool instanceof ThreadPoolExecutor t ? Math.max(1, t.getCorePoolSize()) : 1;
      long queued = System.nanoTime();
      try {
        for (int i = 0; i < threads; i++) {
          pool.execute(() -> maxNanos.accumulateAndGet(System.nanoTime() - queued, Math::max));
        }
      } catch (RejectedExecutionException e) {
        pools.remove(pool); // the client is closing
      }
    }
  }

  /** The largest lag seen since the last call, in ms; resets it. */
  double drainMillis() {
    return maxNanos.getAndSet(0) / 1e6;
  }
}
