package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import java.time.Duration;

/** {@code ssh("name").start(command)}: see {@link Ssh#start(String)}. */
public final class SshStartActionBuilder extends SshCommandActionBuilder<SshStartActionBuilder> {

  SshStartActionBuilder(SshAttributes attributes, ExecSpec spec) {
    super(attributes, spec, SshStartActionBuilder::new, ExecAction.Verb.START);
  }

  /**
   * Names the channel, so that one user can run several commands at once on its connection; {@code
   * awaitExit()} with the same name waits for this one (default "default").
   */
  public SshStartActionBuilder channelName(String name) {
    return with(attributes.withChannelName(Timeouts.channelName(name)));
  }

  /**
   * How long the server may take to accept the command (default: the protocol's requestTimeout).
   */
  public SshStartActionBuilder timeout(Duration timeout) {
    return with(attributes.withTimeout(Timeouts.positive(timeout)));
  }
}
