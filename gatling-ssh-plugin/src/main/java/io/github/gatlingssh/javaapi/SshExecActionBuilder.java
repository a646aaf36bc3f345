package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ssh("name").exec(command)}: see {@link Ssh#exec(String)}. Without an {@code exitStatus()}
 * check, a non-zero exit status or a signal is a KO.
 */
public final class SshExecActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;
  private final ExecSpec spec;

  SshExecActionBuilder(SshAttributes attributes) {
    this(attributes, ExecSpec.NONE);
  }

  private SshExecActionBuilder(SshAttributes attributes, ExecSpec spec) {
    this.attributes = attributes;
    this.spec = spec;
  }

  /**
   * Checks on the result: {@code exitStatus()}, {@code exitSignal()}, {@code stdout()}, {@code
   * stderr()}, and Gatling's {@code bodyString}, {@code regex}, {@code substring}, {@code
   * bodyLength}, {@code jsonPath}, {@code jmesPath} (on stdout) and {@code responseTimeInMillis}.
   */
  public SshExecActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  public SshExecActionBuilder check(List<CheckBuilder> checks) {
    return new SshExecActionBuilder(attributes.withChecks(checks), spec);
  }

  /**
   * After this, the command is abandoned (channel closed) and the request is KO (default: the
   * protocol's requestTimeout).
   */
  public SshExecActionBuilder timeout(Duration timeout) {
    return new SshExecActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)), spec);
  }

  /**
   * Sends this text (EL, encoded with the protocol's charset) on the command's stdin once the
   * server accepted the command, then EOF. Sent as the server's window allows, without blocking.
   */
  public SshExecActionBuilder stdin(String text) {
    return with(ExecSetup.stdin(spec, text));
  }

  /** Sends these bytes, computed from the session, on the command's stdin, then EOF. */
  public SshExecActionBuilder stdin(Function<Session, byte[]> bytes) {
    return with(ExecSetup.stdin(spec, bytes));
  }

  /**
   * Sends this local file (EL path) on the command's stdin, then EOF; read asynchronously, a chunk
   * at a time. A path without EL must exist when the simulation is built.
   */
  public SshExecActionBuilder stdinFile(String path) {
    return with(ExecSetup.stdinFile(spec, path));
  }

  /**
   * Asks for a pseudo-terminal (xterm, 80x24) before the command, for commands that need one
   * (sudo); stderr then arrives merged into stdout.
   */
  public SshExecActionBuilder pty() {
    return with(spec.withPty());
  }

  /**
   * Sends an environment variable (value: EL) before the command. The server sets only those it
   * accepts (OpenSSH: {@code AcceptEnv} in sshd_config) and ignores the others silently.
   */
  public SshExecActionBuilder env(String name, String value) {
    return with(ExecSetup.env(spec, name, value));
  }

  private SshExecActionBuilder with(ExecSpec newSpec) {
    return new SshExecActionBuilder(attributes, newSpec);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    ExecSpec s = spec;
    return new SshActionBuilder<>(
        attributes, (a, components, ctx, next) -> new ExecAction(a, s, components, ctx, next));
  }
}
