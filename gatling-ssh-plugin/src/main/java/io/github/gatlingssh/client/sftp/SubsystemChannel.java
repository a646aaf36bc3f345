package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * MINA's subsystem channel, with asynchronous streams and the server's answer to the subsystem
 * request made visible: MINA only logs a refusal (at WARN, once per user), we report it as "sftp:
 * subsystem refused by server".
 */
final class SubsystemChannel extends ChannelSubsystem {
  private static final String REQUEST = "subsystem";

  private final CompletableFuture<Boolean> accepted = new CompletableFuture<>();

  SubsystemChannel(String subsystem) {
    super(subsystem);
    setStreaming(StreamingChannel.Streaming.Async);
    // the default is already true; set it so that a client-wide override cannot hide a refusal
    CoreModuleProperties.REQUEST_SUBSYSTEM_REPLY.set(this, true);
  }

  /** Completes with the server's answer to the subsystem request: true when it started it. */
  CompletableFuture<Boolean> accepted() {
    return accepted;
  }

  @Override
  public void handleSuccess() throws IOException {
    if (removePendingRequest(REQUEST) != null) {
      accepted.complete(true);
    }
  }

  @Override
  public void handleFailure() throws IOException {
    if (removePendingRequest(REQUEST) != null) {
      accepted.complete(false);
      close(false); // the server keeps a refused channel open: close it politely
    }
  }
}
