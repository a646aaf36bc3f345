package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;

/**
 * {@code ssh("name").start(command)}: see {@link Ssh#start(String)}. The timeout bounds how long
 * the server may take to accept the command.
 */
public final class SshStartActionBuilder extends SshCommandActionBuilder<SshStartActionBuilder> {

  SshStartActionBuilder(SshAttributes attributes, ExecSpec spec) {
    super(attributes, spec, SshStartActionBuilder::new, ExecAction.Verb.START);
  }

  /**
   * Names the channel, so that one user can run several commands at once on its connection; {@code
   * awaitExit()} with the same name waits for this one (default "default").
   */
  public SshStartActionBuilder channelName(String name) {
    return with(request.withChannelName(Timeouts.channelName(name)));
  }
}
