package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ssh("name").exec(command)}: see {@link Ssh#exec(String)}. Without an {@code exitStatus()}
 * check, a non-zero exit status or a signal is a KO.
 */
public final class SshExecActionBuilder extends SshCommandActionBuilder<SshExecActionBuilder> {

  SshExecActionBuilder(SshAttributes attributes, ExecSpec spec) {
    super(attributes, spec, SshExecActionBuilder::new, ExecAction.Verb.EXEC);
  }

  /**
   * Checks on the result: {@code exitStatus()}, {@code exitSignal()}, {@code stdout()}, {@code
   * stderr()}, and Gatling's {@code bodyString}, {@code regex}, {@code substring}, {@code
   * bodyLength}, {@code jsonPath}, {@code jmesPath} (on stdout) and {@code responseTimeInMillis}.
   */
  public SshExecActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  /** Checks on the result, as {@link #check(CheckBuilder...)}. */
  public SshExecActionBuilder check(List<CheckBuilder> checks) {
    return with(attributes.withChecks(checks));
  }

  /**
   * After this, the command is abandoned (channel closed) and the request is KO (default: the
   * protocol's requestTimeout).
   */
  public SshExecActionBuilder timeout(Duration timeout) {
    return with(attributes.withTimeout(Timeouts.positive(timeout)));
  }
}
