package io.github.gatlingssh.client.channel;

import io.github.gatlingssh.client.ConnectionEnd;
import io.github.gatlingssh.client.ConnectionLoss;
import io.github.gatlingssh.client.Deadline;
import io.github.gatlingssh.client.Failures;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.AbstractClientChannel;
import org.apache.sshd.client.channel.ChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.ConnectionService;

/**
 * The base of every channel gatling-ssh opens on a connection: exec today, then subsystem (SFTP),
 * shell (PTY + shell) and direct-tcpip, each in its own package. It owns what they share, so each
 * says only what is its own (the MINA channel, its request, its result, its wording):
 *
 * <ul>
 *   <li>registration with the connection and the open, without blocking;
 *   <li>the open refusal ("channel open: refused by server (...)");
 *   <li>"connection lost" versus the step's own failure, whenever something goes wrong;
 *   <li>{@link #ready()}: opened and, for a session channel, its request accepted (want-reply);
 *   <li>deadlines: a step not done in time fails with a TIMEOUT failure and the channel is closed;
 *   <li>failures as {@link SshFailure} values: every future of the channel fails once, together.
 * </ul>
 *
 * <p>Everything here runs on MINA's I/O threads or on the timer; nothing blocks.
 *
 * @param <C> MINA's channel class (e.g. {@code ChannelExec}, subclassed to see the want-reply
 *     answer)
 */
public abstract class SshChannel<C extends AbstractClientChannel> {
  private final ClientSession session;

  /** How long a refused open waits for the server's close: see {@link #failBeforeReady}. */
  private static final Duration SERVER_CLOSE_GRACE = Duration.ofSeconds(1);

  private final ScheduledExecutorService timer;
  private final ConnectionEnd end; // null when the connection was already closed
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final List<CompletableFuture<?>> outcomes = new CopyOnWriteArrayList<>();
  private volatile C channel;
  // set by cancel() before it closes the channel: what every outcome fails with then
  private volatile SshFailure cancelledWith;

  /**
   * @param session the authenticated connection the channel opens on
   * @param timer runs this channel's deadlines (the virtual user's event loop)
   */
  protected SshChannel(ClientSession session, ScheduledExecutorService timer) {
    this.session = session;
    this.timer = timer;
    this.end = ConnectionEnd.of(session);
    track(ready);
  }

  /**
   * Registers {@code ch} with the connection and opens it; call once. Failures (connection already
   * closed, open refused, connection lost) fail every outcome.
   *
   * @param waitsForReply whether {@link #ready()} waits for the answer to a channel request (exec,
   *     subsystem, shell: see {@link #onRequestReply}) rather than the open confirmation alone
   *     (direct-tcpip)
   */
  protected final void open(C ch, boolean waitsForReply) {
    if (!connectionOpen()) {
      fail(
          closedByServerAfterChannel()
              ? new SshFailure(
                  SshFailure.Step.NOT_CONNECTED, ConnectionEnd.SERVER_CLOSED_AFTER_CHANNEL)
              : new SshFailure(SshFailure.Step.CONNECTION_LOST, "the connection is closed"));
      return;
    }
    channel = ch;
    try {
      session.getService(ConnectionService.class).registerChannel(ch);
      // The open listener goes first: a refusal can arrive (on an I/O thread) before the listeners
      // are attached, and then the listener added first runs first; it must report the refusal,
      // not "closed before the request was answered".
      ch.open()
          .addListener(
              f -> {
                if (!f.isOpened()) {
                  failBeforeReady(openFailure(f.getException()));
                } else if (!waitsForReply) {
                  ready.complete(null);
                }
              });
      ch.addCloseFutureListener(f -> onChannelClosed());
    } catch (IOException | RuntimeException e) {
      fail(lostOr(SshFailure.Step.CHANNEL_OPEN, e));
    }
  }

  /**
   * A channel refused, or closed before its request was answered, on a connection whose earlier
   * channel ended may be a server that allows one channel per connection and is closing the
   * connection (tinysshd refuses an open, or closes a channel, that crosses its close). Whether
   * that or the close arrives first is a race: wait for the close a moment, so that the outcome is
   * the same either way. Any other failure is reported at once.
   */
  private void failBeforeReady(SshFailure failure) {
    if (failure.step() == SshFailure.Step.TIMEOUT || end == null || !end.channelEnded()) {
      fail(failure);
      return;
    }
    AtomicBoolean once = new AtomicBoolean();
    Runnable decide =
        () -> {
          if (once.compareAndSet(false, true)) {
            fail(
                closedByServerAfterChannel()
                    ? new SshFailure(
                        SshFailure.Step.NOT_CONNECTED, ConnectionEnd.SERVER_CLOSED_AFTER_CHANNEL)
                    : failure);
          }
        };
    session.addCloseFutureListener(c -> decide.run());
    try {
      timer.schedule(decide, SERVER_CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      decide.run();
    }
  }

  private SshFailure openFailure(Throwable t) {
    if (t instanceof SshChannelOpenException e) {
      String reason = SshConstants.getOpenErrorCodeName(e.getReasonCode());
      // OpenSSH refuses a session channel past MaxSessions with CONNECT_FAILED "open failed"
      int code = e.getReasonCode();
      String hint =
          channel instanceof ChannelSession
                  && (code == SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED
                      || code == SshConstants.SSH_OPEN_CONNECT_FAILED)
              ? "; the server may limit channels per connection (OpenSSH: MaxSessions)"
              : "";
      return new SshFailure(
          SshFailure.Step.CHANNEL_OPEN,
          "refused by server (" + reason + ": " + e.getMessage() + ")" + hint);
    }
    return lostOr(SshFailure.Step.CHANNEL_OPEN, t);
  }

  /**
   * The want-reply answer to the channel's request: ready when accepted, else fails with {@code
   * refusal}.
   */
  protected final void onRequestReply(boolean accepted, SshFailure refusal) {
    if (accepted) {
      ready.complete(null);
    } else {
      fail(refusal);
    }
  }

  private void onChannelClosed() {
    if (ready.isDone() && !ready.isCompletedExceptionally()) {
      // First, so that failures computed below (and on other channels) know how the connection
      // ends. A channel whose server side ended it (EOF) was not cut, even when the connection's
      // close overtook the closing of the channel (tinysshd closes both at once).
      C ch = channel;
      if (end != null) {
        end.channelClosed(connectionOpen() || (ch != null && ch.isEofSignalled()));
      }
    }
    SshFailure cancelled = cancelledWith;
    if (cancelled != null) {
      // our own close (a deadline): the server's CLOSE may arrive before cancel() fails the
      // outcomes, and must not turn the timeout into "closed without an exit status"
      fail(cancelled);
      return;
    }
    if (!ready.isDone()) {
      failBeforeReady(closedBeforeReady());
      return;
    }
    onClosedWhenReady();
  }

  /**
   * Why the channel closed before it was ready, usually through {@link #failure(SshFailure.Step,
   * String, String)}.
   */
  protected abstract SshFailure closedBeforeReady();

  /** The channel closed after it was ready: complete (or fail) the channel's own outcome. */
  protected abstract void onClosedWhenReady();

  private boolean closedByServerAfterChannel() {
    return end != null && end.closedByServerAfterChannel();
  }

  /** Whether the connection is still open: a failure while it is not is a lost connection. */
  protected final boolean connectionOpen() {
    return SshConnection.isOpen(session);
  }

  /**
   * The step's own failure ({@code detail}), or "connection lost" ({@code lostDetail}) when the
   * connection closed.
   */
  protected final SshFailure failure(SshFailure.Step step, String detail, String lostDetail) {
    if (connectionOpen()) {
      return new SshFailure(step, detail);
    }
    if (closedByServerAfterChannel()) {
      // the same outcome whichever came first, the server's close or this request
      return new SshFailure(
          SshFailure.Step.NOT_CONNECTED, ConnectionEnd.SERVER_CLOSED_AFTER_CHANNEL);
    }
    String known = ConnectionLoss.reason(session); // e.g. keepalives unanswered: more telling
    return new SshFailure(SshFailure.Step.CONNECTION_LOST, known != null ? known : lostDetail);
  }

  /** {@code t} as a failure of {@code step}, or "connection lost" when the connection closed. */
  protected final SshFailure lostOr(SshFailure.Step step, Throwable t) {
    String detail = Failures.describe(t);
    return failure(step, detail, "the connection closed (" + detail + ")");
  }

  /**
   * Registers an outcome of the channel (its result, or one step of a long-lived channel such as a
   * shell's expect) so that it fails with the channel; it is forgotten once completed.
   */
  protected final <T> CompletableFuture<T> track(CompletableFuture<T> outcome) {
    outcomes.add(outcome);
    outcome.whenComplete((value, error) -> outcomes.remove(outcome));
    return outcome;
  }

  /**
   * Bounds {@code step} (an outcome of this channel) by {@code timeout}: past it the channel is
   * closed and every outcome fails with {@code TIMEOUT: <expired>; channel closed}.
   *
   * @return {@code step}
   */
  protected final <T> CompletableFuture<T> within(
      CompletableFuture<T> step, Duration timeout, String expired) {
    return Deadline.bound(
        step,
        timeout,
        timer,
        () -> cancel(new SshFailure(SshFailure.Step.TIMEOUT, expired + "; channel closed")));
  }

  /** Completes when the channel is open and, for a session channel, its request accepted. */
  public final CompletableFuture<Void> ready() {
    return ready;
  }

  /**
   * MINA's channel, once {@link #open} was called (null before, or if the connection was closed).
   */
  protected final C channel() {
    return channel;
  }

  /**
   * Abandons the channel: fails every outcome with {@code failure} (unless already done) and closes
   * the channel politely (CHANNEL_CLOSE), without waiting.
   */
  protected final void cancel(SshFailure failure) {
    if (cancelledWith == null) {
      cancelledWith = failure;
    }
    // Close first: completing the futures lets the user's next request run at once, and the
    // channel must already be closing then (it no longer counts against the server's limit).
    C ch = channel;
    if (ch != null && !ch.isClosing()) {
      ch.close(false);
    }
    fail(failure);
  }

  /** Fails every outcome not completed yet with {@code failure}. */
  protected final void fail(SshFailure failure) {
    SshRequestException e = new SshRequestException(failure);
    for (CompletableFuture<?> outcome : outcomes) {
      outcome.completeExceptionally(e);
    }
  }
}
