package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import java.util.List;

/**
 * {@code ssh("name").exec(command)}: see {@link Ssh#exec(String)}. Checks: {@code exitStatus()},
 * {@code exitSignal()}, {@code stdout()}, {@code stderr()}, and Gatling's {@code bodyString},
 * {@code regex}, {@code substring}, {@code bodyLength}, {@code jsonPath}, {@code jmesPath} (on
 * stdout) and {@code responseTimeInMillis}. Without an {@code exitStatus()} check, a non-zero exit
 * status or a signal is a KO. Past the timeout, the command is abandoned (channel closed).
 */
public final class SshExecActionBuilder extends SshCommandActionBuilder<SshExecActionBuilder>
    implements SshCheckable<SshExecActionBuilder> {

  SshExecActionBuilder(SshAttributes attributes, ExecSpec spec) {
    super(attributes, spec, SshExecActionBuilder::new, ExecAction.Verb.EXEC);
  }

  @Override
  public SshExecActionBuilder check(List<CheckBuilder> checks) {
    return withChecks(checks);
  }
}
