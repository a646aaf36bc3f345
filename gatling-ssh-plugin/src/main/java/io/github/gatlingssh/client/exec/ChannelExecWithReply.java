package io.github.gatlingssh.client.exec;

import io.github.gatlingssh.client.channel.RequestReplyListener;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.channel.Channel;

/**
 * MINA's exec channel, plus the one thing it does not expose: the server's answer to the exec
 * request (want-reply). MINA only logs it; we need it to time "start" as "the server accepted the
 * command".
 */
final class ChannelExecWithReply extends ChannelExec {
  private final RequestReplyListener replyListener;

  ChannelExecWithReply(String command, Charset charset, RequestReplyListener replyListener) {
    super(command, charset, null, Map.of());
    this.replyListener = replyListener;
  }

  @Override
  public void handleSuccess() throws IOException {
    RequestReplyListener.answered(replyListener, this, removePendingRequest(Channel.CHANNEL_EXEC) != null, true);
  }

  @Override
  public void handleFailure() throws IOException {
    RequestReplyListener.answered(replyListener, this, removePendingRequest(Channel.CHANNEL_EXEC) != null, false);
  }
}
