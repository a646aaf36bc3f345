package io.github.gatlingssh.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one place where a request's timeout is enforced: MINA has no general channel-open, exec or
 * connect timeout, so each step is bounded by a timer on the virtual user's event loop, cancelled
 * as soon as the step completes. On expiry the owner of the step closes what it opened and fails
 * the step with its own TIMEOUT message.
 */
public final class Deadline {
  private Deadline() {}

  /**
   * Runs {@code onExpiry} on {@code timer} after {@code timeout} unless {@code step} completed
   * first. Nothing is scheduled when the step already completed, or when the timer is shutting down
   * (the end of the run: nobody is left to report to).
   *
   * @return {@code step} itself, for chaining
   */
  public static <T> CompletableFuture<T> bound(
      CompletableFuture<T> step,
      Duration timeout,
      ScheduledExecutorService timer,
      Runnable onExpiry) {
    if (step.isDone()) {
      return step;
    }
    ScheduledFuture<?> expiry;
    try {
      expiry = timer.schedule(onExpiry, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return step;
    }
    step.whenComplete((value, error) -> expiry.cancel(false));
    return step;
  }
}
