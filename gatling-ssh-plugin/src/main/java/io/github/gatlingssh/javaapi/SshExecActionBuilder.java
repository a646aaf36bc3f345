package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ssh("name").exec(command)}: see {@link Ssh#exec(String)}. Without an {@code exitStatus()}
 * check, a non-zero exit status or a signal is a KO.
 */
public final class SshExecActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;

  SshExecActionBuilder(SshAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * Checks on the result: {@code exitStatus()}, {@code exitSignal()}, {@code stdout()},
   * {@code stderr()}, and Gatling's {@code bodyString}, {@code regex}, {@code substring},
   * {@code bodyLength}, {@code jsonPath}, {@code jmesPath} (on stdout) and {@code responseTimeInMillis}.
   */
  public SshExecActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  public SshExecActionBuilder check(List<CheckBuilder> checks) {
    return new SshExecActionBuilder(attributes.withChecks(checks));
  }

  /** After this, the command is abandoned (channel closed) and the request is KO (default: the protocol's requestTimeout). */
  public SshExecActionBuilder timeout(Duration timeout) {
    return new SshExecActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.exec(attributes);
  }
}
