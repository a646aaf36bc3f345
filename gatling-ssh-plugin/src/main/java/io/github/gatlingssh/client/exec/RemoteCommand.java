package io.github.gatlingssh.client.exec;

import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.channel.SshChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.session.ClientSession;

/**
 * A remote command's life on an exec channel: send the command (asking for a reply), stream stdout
 * and stderr into bounded collectors, take the exit status or signal, and see the channel closed.
 * Two futures report it, each completed exactly once, on MINA's threads (or the timer's): {@link
 * #accepted()} (the server accepted the exec request) and {@link #completion()} (the command ended
 * and its channel closed). The overloads with a timeout bound them: past it the channel is closed
 * and both fail with a TIMEOUT failure.
 */
public final class RemoteCommand extends SshChannel<ChannelExecWithReply> {
  private static final SshFailure REFUSED =
      new SshFailure(SshFailure.Step.EXEC, "the server refused to execute the command");

  private final OutputCollector stdout;
  private final OutputCollector stderr;
  private final CompletableFuture<CommandResult> completion = track(new CompletableFuture<>());

  private RemoteCommand(
      ClientSession session, ScheduledExecutorService timer, Charset charset, int maxOutputLength) {
    super(session, timer);
    this.stdout = new OutputCollector(charset, maxOutputLength);
    this.stderr = new OutputCollector(charset, maxOutputLength);
  }

  /**
   * Opens an exec channel on {@code session} and sends {@code command}; never throws (a failure to
   * start is reported through the futures). Called by the connection, which owns the session.
   *
   * @param timer runs this command's timeouts (the virtual user's event loop)
   */
  public static RemoteCommand start(
      ClientSession session,
      ScheduledExecutorService timer,
      String command,
      Charset charset,
      int maxOutputLength) {
    return start(session, timer, command, charset, maxOutputLength, ExecOptions.NONE);
  }

  /**
   * {@link #start(ClientSession, ScheduledExecutorService, String, Charset, int)} with a PTY,
   * environment variables and stdin as {@code options} say. Stdin is sent once the server accepted
   * the command, then EOF.
   */
  public static RemoteCommand start(
      ClientSession session,
      ScheduledExecutorService timer,
      String command,
      Charset charset,
      int maxOutputLength,
      ExecOptions options) {
    RemoteCommand rc = new RemoteCommand(session, timer, charset, maxOutputLength);
    ChannelExecWithReply ch = new ChannelExecWithReply(command, charset, options, rc::onExecReply);
    ch.setOut(rc.stdout);
    ch.setErr(rc.stderr);
    if (options.stdin() != null) {
      rc.ready().thenRun(() -> StdinWriter.send(ch, options.stdin(), rc::stdinFailed));
    }
    rc.open(ch, true);
    return rc;
  }

  /**
   * Stdin could not be read: the command is abandoned ({@link #cancel} notes the failure before
   * closing, so a command that ends on EOF while it closes still fails with this).
   */
  private void stdinFailed(SshFailure failure) {
    cancel(failure);
  }

  private void onExecReply(boolean accepted) {
    onRequestReply(accepted, REFUSED);
  }

  @Override
  protected SshFailure closedBeforeReady() {
    return failure(
        SshFailure.Step.EXEC,
        "channel closed before the server answered the exec request",
        "the connection closed before the command started");
  }

  @Override
  protected void onClosedWhenReady() {
    ChannelExecWithReply ch = channel();
    Integer status = ch.getExitStatus();
    String signal = ch.getExitSignal();
    if (status == null && signal == null) {
      fail(
          failure(
              SshFailure.Step.EXEC,
              "channel closed without an exit status",
              "the connection closed while the command was running"));
      return;
    }
    completion.complete(new CommandResult(status, signal, stdout.result(), stderr.result()));
  }

  /** Completes with the server's acceptance of the exec request. */
  public CompletableFuture<Void> accepted() {
    return ready();
  }

  /** {@link #accepted()}, within {@code timeout} from now (start). */
  public CompletableFuture<Void> accepted(Duration timeout) {
    return within(
        ready(),
        timeout,
        "the server did not accept the command within " + Durations.format(timeout));
  }

  /**
   * Completes when the command ended and its channel closed (or with the failure that stopped it).
   */
  public CompletableFuture<CommandResult> completion() {
    return completion;
  }

  /**
   * {@link #completion()}, within {@code timeout} from now, the command having just been sent
   * (exec).
   */
  public CompletableFuture<CommandResult> completion(Duration timeout) {
    return within(
        completion, timeout, "command did not finish within " + Durations.format(timeout));
  }

  /**
   * {@link #completion()} of a command started earlier, within {@code timeout} from now
   * (awaitExit); no deadline when it already ended. Never blocks.
   */
  public CompletableFuture<CommandResult> awaitExit(Duration timeout) {
    return within(completion, timeout, "command still running after " + Durations.format(timeout));
  }
}
