package io.github.gatlingssh.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.session.SessionListener;

/**
 * Owns one MINA {@link SshClient} and opens authenticated connections with it, without blocking:
 * TCP connect, banner, key exchange, host key check and authentication are chained through MINA's
 * future listeners and bounded by one timeout. {@link SshClientFactory} builds the client, {@link
 * ConnectAttempt} follows each connection through its handshake.
 */
public final class SshConnector implements AutoCloseable {
  private final SshClient client;

  /** Starts a MINA client with these settings (validated first: see {@link #validate}). */
  public SshConnector(ClientSettings settings) {
    client = SshClientFactory.newClient(settings);
  }

  /**
   * Validates the algorithm names of {@code settings}: throws IllegalArgumentException naming the
   * unknown ones.
   */
  public static void validate(ClientSettings settings) {
    SshClientFactory.validate(settings);
  }

  /** Adds listeners to every connection and channel of this client (live metrics count them). */
  public void addListeners(SessionListener sessions, ChannelListener channels) {
    client.addSessionListener(sessions);
    client.addChannelListener(channels);
  }

  /**
   * The I/O threads of this client (null once closed, or on another back-end): the live metrics
   * queue a probe there each step to see how late they run.
   */
  public java.util.concurrent.ExecutorService ioThreads() {
    return IoThreads.of(client);
  }

  /**
   * Connects and authenticates within {@link ConnectRequest#timeout()}. The returned future
   * completes on a MINA thread (or the timer's), exactly once: with the connection, or with an
   * {@link SshRequestException}.
   *
   * @param timer runs the connect timeout, then the timeouts of the connection's channels (a
   *     virtual user's event loop)
   */
  public CompletableFuture<SshConnection> connect(
      ConnectRequest request, ScheduledExecutorService timer) {
    ConnectAttempt attempt = new ConnectAttempt(request, timer);
    Deadline.bound(attempt.result, request.timeout(), timer, attempt::onTimeout);
    try {
      ConnectFuture future =
          client.connect(
              request.username(),
              request.host(),
              request.port(),
              AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, attempt),
              null);
      attempt.connectFuture = future;
      future.addListener(attempt::onConnected);
    } catch (IOException | RuntimeException e) {
      attempt.fail(
          new SshFailure(
              SshFailure.Step.CONNECT, Failures.describe(e) + " (" + request.address() + ")"));
    }
    return attempt.result;
  }

  /**
   * Closes every connection of this client and stops its threads (blocks: call it off Gatling's
   * threads).
   */
  @Override
  public void close() {
    try {
      client.stop();
    } catch (RuntimeException ignored) {
      // closing at the end of a run: nothing left to report to
    }
  }
}
