package io.github.gatlingssh.client.channel;

import org.apache.sshd.common.channel.Channel;

/**
 * Receives the server's answer to a channel request sent with want-reply (exec, subsystem, shell):
 * MINA only logs it, and a request action needs it to time "the server accepted". MINA's channel
 * subclasses ({@code ChannelExec}, {@code ChannelSubsystem}, {@code ChannelShell}) forward their
 * {@code handleSuccess()}/{@code handleFailure()} through {@link #answered}.
 */
@FunctionalInterface
public interface RequestReplyListener {

  /** Called once, on MINA's I/O thread, with the server's answer. */
  void onRequestReply(boolean accepted);

  /**
   * Forwards an answer to {@code listener} when its request was pending ({@code wasPending}: what
   * MINA's {@code removePendingRequest(request)} returned), and closes politely a channel whose
   * request was refused: the server keeps it open otherwise.
   */
  static void answered(
      RequestReplyListener listener, Channel channel, boolean wasPending, boolean accepted) {
    if (!wasPending) {
      return;
    }
    listener.onRequestReply(accepted);
    if (!accepted) {
      channel.close(false);
    }
  }
}
