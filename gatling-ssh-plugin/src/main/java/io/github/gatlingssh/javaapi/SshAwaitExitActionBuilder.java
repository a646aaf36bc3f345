package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;

/**
 * {@code ssh("name").awaitExit()}: see {@link Ssh#awaitExit()}. Checks as on {@link
 * SshExecActionBuilder}; without an {@code exitStatus()} check, a non-zero exit status or a signal
 * is a KO. Past the timeout, the command is abandoned (channel closed).
 */
public final class SshAwaitExitActionBuilder
    extends SshCheckedActionBuilder<SshAwaitExitActionBuilder, SshAttributes> {

  SshAwaitExitActionBuilder(SshAttributes attributes) {
    super(
        attributes,
        RequestSetters.SSH,
        SshAwaitExitActionBuilder::new,
        SshActionBuilder::awaitExit);
  }

  /** Awaits the command started with the same {@code channelName} (default "default"). */
  public SshAwaitExitActionBuilder channelName(String name) {
    return with(request.withChannelName(Timeouts.channelName(name)));
  }
}
