package io.github.gatlingssh.client;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.ConnectionService;

/**
 * The one place that owns a remote command's life: open an exec channel, send the command (asking
 * for a reply), stream stdout and stderr into bounded collectors, take the exit status or signal,
 * and see the channel closed. Two futures report it, each completed exactly once, on MINA's threads:
 * {@link #accepted()} (the server accepted the exec request) and {@link #completion()} (the command
 * ended and its channel closed).
 */
public final class RemoteCommand {
  private final ClientSession session;
  private final OutputCollector stdout;
  private final OutputCollector stderr;
  private final CompletableFuture<Void> accepted = new CompletableFuture<>();
  private final CompletableFuture<CommandResult> completion = new CompletableFuture<>();
  private volatile ExecChannel channel;

  private RemoteCommand(ClientSession session, Charset charset, int maxOutputLength) {
    this.session = session;
    this.stdout = new OutputCollector(charset, maxOutputLength);
    this.stderr = new OutputCollector(charset, maxOutputLength);
  }

  static RemoteCommand start(ClientSession session, String command, Charset charset, int maxOutputLength) {
    RemoteCommand rc = new RemoteCommand(session, charset, maxOutputLength);
    rc.open(command, charset);
    return rc;
  }

  private void open(String command, Charset charset) {
    if (!session.isOpen() || session.isClosing()) {
      fail(new SshFailure(SshFailure.Step.CONNECTION_LOST, "the connection is closed"));
      return;
    }
    ExecChannel ch = new ExecChannel(command, charset, this::onExecReply);
    ch.setOut(stdout);
    ch.setErr(stderr);
    channel = ch;
    try {
      session.getService(ConnectionService.class).registerChannel(ch);
      // The open listener goes first: a refusal can arrive (on an I/O thread) before the listeners
      // are attached, and then the listener added first runs first; it must report the refusal,
      // not "closed before the exec request was answered".
      ch.open().addListener(f -> {
        if (!f.isOpened()) {
          fail(channelOpenFailure(f.getException()));
        }
      });
      ch.addCloseFutureListener(f -> onChannelClosed());
    } catch (IOException | RuntimeException e) {
      fail(lostOr(SshFailure.Step.CHANNEL_OPEN, e));
    }
  }

  private SshFailure channelOpenFailure(Throwable t) {
    if (t instanceof SshChannelOpenException e) {
      String reason = SshConstants.getOpenErrorCodeName(e.getReasonCode());
      // OpenSSH refuses a session channel past MaxSessions with CONNECT_FAILED "open failed"
      int code = e.getReasonCode();
      String hint = code == SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED
          || code == SshConstants.SSH_OPEN_CONNECT_FAILED
          ? "; the server may limit channels per connection (OpenSSH: MaxSessions)" : "";
      return new SshFailure(SshFailure.Step.CHANNEL_OPEN, "refused by server (" + reason + ": " + e.getMessage() + ")" + hint);
    }
    return lostOr(SshFailure.Step.CHANNEL_OPEN, t);
  }

  private SshFailure lostOr(SshFailure.Step step, Throwable t) {
    if (!session.isOpen() || session.isClosing()) {
      return new SshFailure(SshFailure.Step.CONNECTION_LOST, "the connection closed (" + Failures.describe(t) + ")");
    }
    return new SshFailure(step, Failures.describe(t));
  }

  private void onExecReply(boolean ok) {
    if (ok) {
      accepted.complete(null);
    } else {
      fail(new SshFailure(SshFailure.Step.EXEC, "the server refused to execute the command"));
    }
  }

  private void onChannelClosed() {
    if (!accepted.isDone()) {
      fail(session.isOpen() && !session.isClosing()
          ? new SshFailure(SshFailure.Step.EXEC, "channel closed before the server answered the exec request")
          : new SshFailure(SshFailure.Step.CONNECTION_LOST, "the connection closed before the command started"));
      return;
    }
    ExecChannel ch = channel;
    Integer status = ch.getExitStatus();
    String signal = ch.getExitSignal();
    if (status == null && signal == null) {
      fail(session.isOpen() && !session.isClosing()
          ? new SshFailure(SshFailure.Step.EXEC, "channel closed without an exit status")
          : new SshFailure(SshFailure.Step.CONNECTION_LOST, "the connection closed while the command was running"));
      return;
    }
    completion.complete(new CommandResult(status, signal, stdout.result(), stderr.result()));
  }

  /** Completes with the server's acceptance of the exec request. */
  public CompletableFuture<Void> accepted() {
    return accepted;
  }

  /** Completes when the command ended and its channel closed (or with the failure that stopped it). */
  public CompletableFuture<CommandResult> completion() {
    return completion;
  }

  /**
   * Abandons the command: completes both futures with {@code failure} (unless already done) and
   * closes the channel politely (CHANNEL_CLOSE), without waiting.
   */
  public void cancel(SshFailure failure) {
    // Close first: completing the futures lets the user's next request run at once, and the
    // channel must already be closing then (it no longer counts against the server's limit).
    ExecChannel ch = channel;
    if (ch != null && !ch.isClosing()) {
      ch.close(false);
    }
    fail(failure);
  }

  private void fail(SshFailure failure) {
    SshRequestException e = new SshRequestException(failure);
    accepted.completeExceptionally(e);
    completion.completeExceptionally(e);
  }
}
