package io.github.gatlingssh.client;

import java.io.IOException;
import java.nio.charset.Charset;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.channel.Channel;

/**
 * MINA's exec channel, plus the one thing it does not expose: the server's answer to the exec
 * request (want-reply). MINA only logs it; we need it to time "start" as "the server accepted the
 * command".
 */
final class ExecChannel extends ChannelExec {

  interface ReplyListener {
    void onExecReply(boolean accepted);
  }

  private final ReplyListener replyListener;

  ExecChannel(String command, Charset charset, ReplyListener replyListener) {
    super(command, charset, null, java.util.Map.of());
    this.replyListener = replyListener;
  }

  @Override
  public void handleSuccess() throws IOException {
    boolean wasPending = removePendingRequest(Channel.CHANNEL_EXEC) != null;
    if (wasPending) {
      replyListener.onExecReply(true);
    }
  }

  @Override
  public void handleFailure() throws IOException {
    boolean wasPending = removePendingRequest(Channel.CHANNEL_EXEC) != null;
    if (wasPending) {
      replyListener.onExecReply(false);
      close(false); // the server keeps the channel open after refusing: close it politely
    }
  }
}
