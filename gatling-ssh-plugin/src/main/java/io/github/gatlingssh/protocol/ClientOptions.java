package io.github.gatlingssh.protocol;

import io.github.gatlingssh.client.ClientSettings;
import java.time.Duration;

/**
 * How the client runs: MINA's I/O threads and channel window, the timeouts, the JIT warm-up.
 *
 * @param ioThreads NIO2 worker threads shared by all connections; 0 = MINA's default (cores + 1)
 * @param windowSize the channel window offered to the server, in bytes; 0 = MINA's default (2 MiB)
 * @param connectTimeout bounds TCP connect + key exchange + authentication
 * @param requestTimeout default timeout of exec, start, awaitExit and disconnect
 * @param warmUp whether the run warms the JIT up before its first user (once per JVM)
 */
public record ClientOptions(
    int ioThreads, long windowSize, Duration connectTimeout, Duration requestTimeout, boolean warmUp) {
  /** 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** 60 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** {@link ClientSettings#DEFAULT}'s threads and window, 10 s to connect, 60 s per request, warm-up on. */
  public static final ClientOptions DEFAULT = new ClientOptions(ClientSettings.DEFAULT.ioThreads(),
      ClientSettings.DEFAULT.windowSize(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, true);

  /** A copy with this many I/O threads. */
  public ClientOptions withIoThreads(int value) {
    return new ClientOptions(value, windowSize, connectTimeout, requestTimeout, warmUp);
  }

  /** A copy with this channel window. */
  public ClientOptions withWindowSize(long value) {
    return new ClientOptions(ioThreads, value, connectTimeout, requestTimeout, warmUp);
  }

  /** A copy with this connect timeout. */
  public ClientOptions withConnectTimeout(Duration value) {
    return new ClientOptions(ioThreads, windowSize, value, requestTimeout, warmUp);
  }

  /** A copy with this default request timeout. */
  public ClientOptions withRequestTimeout(Duration value) {
    return new ClientOptions(ioThreads, windowSize, connectTimeout, value, warmUp);
  }

  /** A copy with the warm-up on or off. */
  public ClientOptions withWarmUp(boolean value) {
    return new ClientOptions(ioThreads, windowSize, connectTimeout, requestTimeout, value);
  }
}
