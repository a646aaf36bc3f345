package io.github.gatlingssh.client.exec;

import io.github.gatlingssh.client.channel.RequestReplyListener;
import java.io.IOException;
import java.nio.charset.Charset;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.channel.StreamingChannel.Streaming;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;

/**
 * MINA's exec channel, plus what it does not expose: the server's answer to the exec request
 * (want-reply; MINA only logs it, we need it to time "start" as "the server accepted the command"),
 * and an asynchronous stdin next to the stdout/stderr collectors. MINA offers an asynchronous stdin
 * only with asynchronous stdout/stderr too, and its synchronous stdin is a stream that blocks on
 * the remote window; so this channel adds MINA's own async stream for stdin, which waits for window
 * adjustments without blocking (MINA notifies it of each one).
 */
public final class ChannelExecWithReply extends ChannelExec {
  private final RequestReplyListener replyListener;
  private final boolean withStdin;

  ChannelExecWithReply(
      String command, Charset charset, ExecOptions options, RequestReplyListener replyListener) {
    super(command, charset, options.pty() ? xterm() : null, options.env());
    this.replyListener = replyListener;
    this.withStdin = options.stdin() != null;
    setUsePty(options.pty());
  }

  /**
   * An exec channel whose stdin, stdout and stderr are all MINA's asynchronous streams ({@link
   * #getAsyncIn()}, {@link #getAsyncOut()}, {@link #getAsyncErr()}): for a protocol spoken over the
   * command's stdin and stdout (SCP), which reads the output as it can handle it, so that the
   * channel window slows the server down instead of memory filling up.
   */
  public static ChannelExecWithReply async(
      String command, Charset charset, RequestReplyListener replyListener) {
    ChannelExecWithReply ch =
        new ChannelExecWithReply(command, charset, ExecOptions.NONE, replyListener);
    ch.setStreaming(Streaming.Async);
    return ch;
  }

  /** What OpenSSH's client asks for when it has no terminal size to copy. */
  private static PtyChannelConfiguration xterm() {
    PtyChannelConfiguration config = new PtyChannelConfiguration();
    config.setPtyType("xterm");
    config.setPtyColumns(80);
    config.setPtyLines(24);
    return config;
  }

  @Override
  protected void doOpen() throws IOException {
    super.doOpen();
    if (withStdin) {
      // the base class closes asyncIn with the channel and calls it back on each window adjust
      asyncIn = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
    }
  }

  /** The asynchronous stdin (one pending write at a time), or null when the command gets none. */
  IoOutputStream stdin() {
    return asyncIn;
  }

  /** Sends EOF on stdin (once; later calls do nothing). */
  public IoWriteFuture sendStdinEof() throws IOException {
    return sendEof();
  }

  @Override
  public void handleSuccess() throws IOException {
    RequestReplyListener.answered(
        replyListener, this, removePendingRequest(Channel.CHANNEL_EXEC) != null, true);
  }

  @Override
  public void handleFailure() throws IOException {
    RequestReplyListener.answered(
        replyListener, this, removePendingRequest(Channel.CHANNEL_EXEC) != null, false);
  }
}
