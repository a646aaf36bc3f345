package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import java.time.Duration;

/** {@code ssh("name").start(command)}: see {@link Ssh#start(String)}. */
public final class SshStartActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;

  SshStartActionBuilder(SshAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * Names the channel, so that one user can run several commands at once on its connection;
   * {@code awaitExit()} with the same name waits for this one (default "default").
   */
  public SshStartActionBuilder channelName(String name) {
    return new SshStartActionBuilder(attributes.withChannelName(Timeouts.channelName(name)));
  }

  /** How long the server may take to accept the command (default: the protocol's requestTimeout). */
  public SshStartActionBuilder timeout(Duration timeout) {
    return new SshStartActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.start(attributes);
  }
}
