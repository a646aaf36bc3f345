package io.github.gatlingssh.metrics;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late Gatling's event loops run a task: once per step a probe is queued on every loop, and the
 * time between queueing and running is the lag a virtual user's next action waits too. A busy
 * injector shows here before it shows as slower responses.
 */
final class EventLoopLag {
  private final List<EventExecutor> loops = new ArrayList<>();
  private final AtomicLong maxNanos = new AtomicLong();

  EventLoopLag(EventExecutorGroup group) {
    if (group != null) {
      group.iterator().forEachRemaining(loops::add);
    }
  }

  /** Queues one probe per loop; never blocks. */
  void probe() {
    for (EventExecutor loop : loops) {
      long queued = System.nanoTime();
      try {
        loop.execute(() -> maxNanos.accumulateAndGet(System.nanoTime() - queued, Math::max));
      } catch (RejectedExecutionException e) {
        return; // the run is shutting down
      }
    }
  }

  /** The largest lag seen since the last call, in ms; resets it. */
  double drainMillis() {
    return maxNanos.getAndSet(0) / 1e6;
  }

  /** The largest lag seen since the last drain, in seconds, without resetting it (for gauges). */
  double currentSeconds() {
    return maxNanos.get() / 1e9;
  }
}
