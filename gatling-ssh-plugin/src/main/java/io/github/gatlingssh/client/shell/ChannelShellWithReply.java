package io.github.gatlingssh.client.shell;

import io.github.gatlingssh.client.channel.RequestReplyListener;
import java.io.IOException;
import java.util.Map;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.PtyChannelConfigurationHolder;

/**
 * MINA's shell channel, plus the server's answer to the shell request (want-reply), which MINA only
 * logs.
 */
final class ChannelShellWithReply extends ChannelShell {
  private final RequestReplyListener replyListener;

  ChannelShellWithReply(PtyChannelConfigurationHolder pty, RequestReplyListener replyListener) {
    super(pty, Map.of());
    this.replyListener = replyListener;
  }

  @Override
  public void handleSuccess() throws IOException {
    RequestReplyListener.answered(
        replyListener, this, removePendingRequest(Channel.CHANNEL_SHELL) != null, true);
  }

  @Override
  public void handleFailure() throws IOException {
    RequestReplyListener.answered(
        replyListener, this, removePendingRequest(Channel.CHANNEL_SHELL) != null, false);
  }
}
