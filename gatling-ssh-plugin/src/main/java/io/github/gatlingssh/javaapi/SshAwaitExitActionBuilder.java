package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ssh("name").awaitExit()}: see {@link Ssh#awaitExit()}. Without an {@code exitStatus()}
 * check, a non-zero exit status or a signal is a KO.
 */
public final class SshAwaitExitActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;

  SshAwaitExitActionBuilder(SshAttributes attributes) {
    this.attributes = attributes;
  }

  /** Awaits the command started with the same {@code channelName} (default "default"). */
  public SshAwaitExitActionBuilder channelName(String name) {
    return new SshAwaitExitActionBuilder(attributes.withChannelName(Timeouts.channelName(name)));
  }

  /** Checks on the result, as for {@link SshExecActionBuilder#check(CheckBuilder...)}. */
  public SshAwaitExitActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  public SshAwaitExitActionBuilder check(List<CheckBuilder> checks) {
    return new SshAwaitExitActionBuilder(attributes.withChecks(checks));
  }

  /**
   * After this, the command is abandoned (channel closed) and the request is KO (default: the
   * protocol's requestTimeout).
   */
  public SshAwaitExitActionBuilder timeout(Duration timeout) {
    return new SshAwaitExitActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.awaitExit(attributes);
  }
}
