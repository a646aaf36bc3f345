package io.github.gatlingssh.client.shell;

import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.stream.StreamChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * An interactive shell: a session channel with a PTY (pty-req) and a shell request sent with
 * want-reply, so that "open" is timed up to the server's acceptance. Its output (stdout and, with a
 * PTY, stderr merged in) streams into the expect buffer of {@link StreamChannel}.
 */
public final class RemoteShell extends StreamChannel<ChannelShellWithReply> {
  private static final SshFailure REFUSED =
      new SshFailure(SshFailure.Step.SHELL, "the server refused to start a shell");

  private RemoteShell(
      ClientSession session, ScheduledExecutorService timer, Charset charset, int maxOutputLength) {
    super(session, timer, SshFailure.Step.SHELL, charset, maxOutputLength);
  }

  /**
   * Opens a session channel on {@code session}, asks for a PTY and a shell; never throws (failures
   * come through the futures). Called by the connection, which owns the session.
   */
  public static RemoteShell open(
      ClientSession session,
      ScheduledExecutorService timer,
      PtySettings pty,
      Charset charset,
      int maxOutputLength) {
    RemoteShell shell = new RemoteShell(session, timer, charset, maxOutputLength);
    // MINA sends the shell request without want-reply unless asked; it is resolved on the session
    CoreModuleProperties.REQUEST_SHELL_REPLY.set(session, true);
    PtyChannelConfiguration config = new PtyChannelConfiguration();
    config.setPtyType(pty.term());
    config.setPtyColumns(pty.columns());
    config.setPtyLines(pty.rows());
    ChannelShellWithReply ch =
        new ChannelShellWithReply(config, accepted -> shell.onRequestReply(accepted, REFUSED));
    ch.setStreaming(StreamingChannel.Streaming.Async);
    ch.setRedirectErrorStream(true);
    shell.open(ch, true);
    return shell;
  }

  @Override
  protected SshFailure closedBeforeReady() {
    return failure(
        step(),
        "channel closed before the server answered the shell request",
        "the connection closed before the shell started");
  }

  /**
   * Completes when the server started the shell; within {@code timeout} from now, else the channel
   * is closed.
   */
  @Override
  public CompletableFuture<Void> opened(Duration timeout) {
    return within(
        streaming(),
        timeout,
        "the server did not start the shell within " + Durations.format(timeout));
  }
}
