package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.bare.BareExec;
import io.github.gatlingssh.benchmark.bare.BareMinaClient;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * One held session on bare MINA, as HoldSimulation's user does it: connect and authenticate, then
 * an {@code echo} every period until the hold time is over, then disconnect. Future listeners and
 * one shared timer; nothing blocks.
 */
final class BareHoldSession {

  /** What all sessions share. */
  record Setup(
      SshClient client,
      String host,
      int port,
      String user,
      KeyPair key,
      HoldSettings settings,
      ScheduledExecutorService timer) {}

  /** Where the outcome of each request and the end of the session go. */
  interface Sink {
    void ok();

    void ko(String request, Throwable error);

    void finished();
  }

  private final Setup setup;
  private final Sink sink;
  private ClientSession session;
  private long holdUntil;

  BareHoldSession(Setup setup, Sink sink) {
    this.setup = setup;
    this.sink = sink;
  }

  void start() {
    try {
      setup
          .client()
          .connect(setup.user(), setup.host(), setup.port())
          .addListener(
              f -> {
                if (!f.isConnected()) {
                  fail("connect", f.getException());
                  return;
                }
                session = f.getClientSession();
                session.addPublicKeyIdentity(setup.key());
                try {
                  session.auth().addListener(a -> authenticated(a.isSuccess(), a.getException()));
                } catch (IOException | RuntimeException e) {
                  fail("connect", e);
                }
              });
    } catch (IOException | RuntimeException e) {
      fail("connect", e);
    }
  }

  private void authenticated(boolean success, Throwable error) {
    if (!success) {
      fail("connect", error);
      return;
    }
    sink.ok();
    holdUntil = System.nanoTime() + setup.settings().hold().toNanos();
    echo();
  }

  /** One echo, the next one period after this one started (Gatling's pace), or the disconnect. */
  private void echo() {
    long start = System.nanoTime();
    if (start >= holdUntil) {
      disconnect();
      return;
    }
    BareExec.start(session, "echo held")
        .done
        .whenComplete(
            (status, error) -> {
              if (error != null || status != 0) {
                fail("echo", error != null ? error : new IOException("exit status " + status));
                return;
              }
              sink.ok();
              Duration period = setup.settings().echo();
              long delay = Math.max(0, start + period.toNanos() - System.nanoTime());
              setup.timer().schedule(this::echo, delay, TimeUnit.NANOSECONDS);
            });
  }

  private void disconnect() {
    BareMinaClient.disconnect(
        session,
        () -> {
          sink.ok();
          sink.finished();
        });
  }

  private void fail(String request, Throwable error) {
    sink.ko(request, error);
    if (session != null) {
      session.close(true);
    }
    sink.finished();
  }
}
