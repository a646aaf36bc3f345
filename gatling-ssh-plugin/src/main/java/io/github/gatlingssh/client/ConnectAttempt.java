package io.github.gatlingssh.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;

/**
 * One connection's way from TCP connect to authenticated; completes {@link #result} once, with the
 * connection or with a failure that names the phase it reached (connect, kex, host key, auth) or
 * the deadline it missed. {@link HandshakeListener} feeds it from MINA's I/O threads.
 */
final class ConnectAttempt {
  static final AttributeRepository.AttributeKey<ConnectAttempt> KEY =
      new AttributeRepository.AttributeKey<>();

  enum Phase {
    TCP,
    BANNER,
    KEX,
    AUTH
  }

  final ConnectRequest request;
  private final ScheduledExecutorService timer;
  final CompletableFuture<SshConnection> result = new CompletableFuture<>();
  volatile Phase phase = Phase.TCP;
  volatile SshFailure hostKeyRejection;
  volatile Throwable lastException;
  volatile Negotiated negotiated = Negotiated.UNKNOWN;
  volatile ConnectFuture connectFuture;
  volatile ClientSession session;
  volatile long tcpConnectedAt;
  volatile long keyEstablishedAt;

  /**
   * @param timer runs the connect deadline, then the deadlines of the connection's channels
   */
  ConnectAttempt(ConnectRequest request, ScheduledExecutorService timer) {
    this.request = request;
    this.timer = timer;
  }

  static ConnectAttempt of(ClientSession session) {
    AttributeRepository context = session.getConnectionContext();
    return context == null ? null : context.getAttribute(KEY);
  }

  void onConnected(ConnectFuture future) {
    if (!future.isConnected()) {
      if (!future.isCanceled()) {
        fail(
            new SshFailure(
                SshFailure.Step.CONNECT,
                Failures.describe(future.getException()) + " (" + request.address() + ")"));
      }
      return;
    }
    ClientSession s = future.getClientSession();
    session = s;
    // From here on a failure closes the session. The connect future, which keeps its listeners
    // (and MINA's, holding the resolved host entry with its compiled host pattern), is not needed
    // any more: this attempt lives as long as the connection, so letting it go saves that per
    // held connection.
    connectFuture = null;
    if (result.isDone()) { // timed out meanwhile
      s.close(true);
      return;
    }
    if (request.password() != null) {
      s.addPasswordIdentity(request.password());
    }
    request.keys().forEach(s::addPublicKeyIdentity);
    if (!request.prompts().isEmpty()) {
      s.setUserInteraction(new PromptAnswers(request.prompts()));
    }
    try {
      s.auth()
          .addListener(
              authFuture -> {
                if (authFuture.isSuccess()) {
                  succeed(s);
                } else {
                  onHandshakeFailure(authFuture.getException());
                }
              });
    } catch (IOException | RuntimeException e) {
      onHandshakeFailure(e);
    }
  }

  void onClosedDuringHandshake() {
    if (!result.isDone()) {
      onHandshakeFailure(lastException);
    }
  }

  /** Why the handshake failed, from the most specific evidence: host key verdict, then phase. */
  private void onHandshakeFailure(Throwable t) {
    if (result.isDone()) {
      return;
    }
    Throwable cause = t != null ? t : lastException;
    SshFailure failure;
    if (hostKeyRejection != null) {
      failure = hostKeyRejection;
    } else {
      failure =
          switch (phase) {
            case TCP, BANNER ->
                new SshFailure(
                    SshFailure.Step.CONNECT,
                    "connection closed by "
                        + request.address()
                        + " before its SSH banner (refused during handshake, e.g. past OpenSSH's MaxStartups or Dropbear's"
                        + " unauthenticated-connection limits)");
            case KEX -> new SshFailure(SshFailure.Step.KEX, describeKex(cause));
            case AUTH -> authFailure(cause);
          };
    }
    fail(failure);
  }

  private String describeKex(Throwable cause) {
    String detail = cause == null ? null : Failures.describe(cause);
    if (detail == null
        || detail.equals("connection closed by server")
        || detail.contains("Session is being closed")
        || detail.contains("Session is closed")) {
      return "connection closed by " + request.address() + " during key exchange";
    }
    return detail + " (" + request.address() + ")";
  }

  private SshFailure authFailure(Throwable cause) {
    String detail = cause == null ? "" : Failures.describe(cause);
    if (detail.contains("No more authentication methods")) {
      return new SshFailure(
          SshFailure.Step.AUTH,
          "server accepted none of "
              + request.methods()
              + " for user '"
              + request.username()
              + "'");
    }
    if (cause == null
        || detail.contains("Session is closed")
        || detail.contains("being closed")
        || detail.equals("connection closed by server")) {
      return new SshFailure(
          SshFailure.Step.AUTH,
          "connection closed by "
              + request.address()
              + " during authentication (user '"
              + request.username()
              + "', methods "
              + request.methods()
              + ")");
    }
    return new SshFailure(
        SshFailure.Step.AUTH,
        detail + " (user '" + request.username() + "', methods " + request.methods() + ")");
  }

  void onTimeout() {
    if (result.isDone()) {
      return;
    }
    String within = " within " + Durations.format(request.timeout());
    String detail =
        switch (phase) {
          case TCP -> "TCP connect to " + request.address() + " not established" + within;
          case BANNER -> "no SSH banner from " + request.address() + within;
          case KEX -> "key exchange with " + request.address() + " not done" + within;
          case AUTH -> "authentication of user '" + request.username() + "' not done" + within;
        };
    fail(new SshFailure(SshFailure.Step.TIMEOUT, "connect: " + detail));
  }

  private void succeed(ClientSession s) {
    HandshakeTimes times = new HandshakeTimes(tcpConnectedAt, keyEstablishedAt, System.nanoTime());
    if (!result.complete(new SshConnection(s, negotiated, timer, times))) {
      s.close(true);
    }
  }

  void fail(SshFailure failure) {
    if (result.completeExceptionally(new SshRequestException(failure))) {
      ConnectFuture f = connectFuture;
      if (f != null) {
        f.cancel();
      }
      ClientSession s = session;
      if (s != null) {
        s.close(true);
      }
    }
  }
}
