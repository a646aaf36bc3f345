package io.github.gatlingssh.client;

/** Carries an {@link SshFailure} through a {@link java.util.concurrent.CompletableFuture}. */
public final class SshRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SshFailure failure;

  /** Wraps {@code failure}; no stack trace (it is a value, not a bug). */
  public SshRequestException(SshFailure failure) {
    super(failure.message(), null, false, false);
    this.failure = failure;
  }

  /** What failed, and where. */
  public SshFailure failure() {
    return failure;
  }

  /**
   * The failure behind a completion exception, or a generic one naming the step if it is not ours.
   */
  public static SshFailure unwrap(Throwable t, SshFailure.Step fallbackStep) {
    Throwable cause = t;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof SshRequestException e) {
      return e.failure();
    }
    return new SshFailure(fallbackStep, Failures.describe(cause));
  }
}
