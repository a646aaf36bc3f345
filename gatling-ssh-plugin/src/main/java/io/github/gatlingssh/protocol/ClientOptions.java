package io.github.gatlingssh.protocol;

import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.KeepAlive;
import java.time.Duration;

/**
 * How the client runs: MINA's I/O threads and channel window, the timeouts, the JIT warm-up.
 *
 * @param ioThreads NIO2 worker threads shared by all connections; 0 = MINA's default (cores + 1)
 * @param windowSize the channel window offered to the server, in bytes; 0 = MINA's default (2 MiB)
 * @param connectTimeout bounds TCP connect + key exchange + authentication
 * @param requestTimeout default timeout of exec, start, awaitExit and disconnect
 * @param warmUp whether the run warms the JIT up before its first user (once per JVM)
 * @param keepAlive protocol keepalives on authenticated connections (default: off)
 */
public record ClientOptions(
    int ioThreads,
    long windowSize,
    Duration connectTimeout,
    Duration requestTimeout,
    boolean warmUp,
    KeepAlive keepAlive) {
  /** 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** 60 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /**
   * {@link ClientSettings#DEFAULT}'s threads and window, 10 s to connect, 60 s per request, warm-up
   * on.
   */
  public static final ClientOptions DEFAULT =
      new ClientOptions(
          ClientSettings.DEFAULT.ioThreads(),
          ClientSettings.DEFAULT.windowSize(),
          DEFAULT_CONNECT_TIMEOUT,
          DEFAULT_REQUEST_TIMEOUT,
          true,
          KeepAlive.OFF);

  /** A copy with this many I/O threads. */
  public ClientOptions withIoThreads(int value) {
    return new ClientOptions(value, windowSize, connectTimeout, requestTimeout, warmUp, keepAlive);
  }

  /** A copy with this channel window. */
  public ClientOptions withWindowSize(long value) {
    return new ClientOptions(ioThreads, value, connectTimeout, requestTimeout, warmUp, keepAlive);
  }

  /** A copy with this connect timeout. */
  public ClientOptions withConnectTimeout(Duration value) {
    return new ClientOptions(ioThreads, windowSize, value, requestTimeout, warmUp, keepAlive);
  }

  /** A copy with this default request timeout. */
  public ClientOptions withRequestTimeout(Duration value) {
    return new ClientOptions(ioThreads, windowSize, connectTimeout, value, warmUp, keepAlive);
  }

  /** A copy with the warm-up on or off. */
  public ClientOptions withWarmUp(boolean value) {
    return new ClientOptions(
        ioThreads, windowSize, connectTimeout, requestTimeout, value, keepAlive);
  }

  /** A copy with these keepalives; a bad interval or count fails now, saying what to set. */
  public ClientOptions withKeepAlive(Duration interval, int maxUnanswered) {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      throw SshProtocol.invalid(
          "keepAlive: the interval must be a positive duration, was " + interval);
    }
    if (maxUnanswered < 1) {
      throw SshProtocol.invalid(
          "keepAlive: the count of unanswered keepalives must be at least 1, was " + maxUnanswered);
    }
    return new ClientOptions(
        ioThreads,
        windowSize,
        connectTimeout,
        requestTimeout,
        warmUp,
        new KeepAlive(interval, maxUnanswered));
  }
}
