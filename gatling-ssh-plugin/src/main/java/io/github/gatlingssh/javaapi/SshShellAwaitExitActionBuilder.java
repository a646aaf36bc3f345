package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code shell("exit").send("exit 3\n").awaitExit().check(exitStatus().is(3))}: waits for the shell
 * to end. Without an {@code exitStatus()} check, a non-zero exit status or a signal is a KO.
 */
public final class SshShellAwaitExitActionBuilder implements ActionBuilder {
  private final StreamAttributes attributes;

  SshShellAwaitExitActionBuilder(StreamAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * Checks: {@code exitStatus()}, {@code exitSignal()}, and the output since the last match ({@code
   * bodyString()}...).
   */
  public SshShellAwaitExitActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  /** Checks, as {@link #check(CheckBuilder...)}. */
  public SshShellAwaitExitActionBuilder check(List<CheckBuilder> checks) {
    return new SshShellAwaitExitActionBuilder(attributes.withChecks(checks));
  }

  /**
   * How long the shell may take to end (default: the protocol's requestTimeout); past it, KO and
   * the shell stays open.
   */
  public SshShellAwaitExitActionBuilder timeout(Duration timeout) {
    return new SshShellAwaitExitActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return StreamActionBuilder.awaitExit(attributes);
  }
}
