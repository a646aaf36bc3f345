package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecSpec;
import io.github.gatlingssh.action.exec.StartAction;
import java.time.Duration;
import java.util.function.Function;

/** {@code ssh("name").start(command)}: see {@link Ssh#start(String)}. */
public final class SshStartActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;
  private final ExecSpec spec;

  SshStartActionBuilder(SshAttributes attributes) {
    this(attributes, ExecSpec.NONE);
  }

  private SshStartActionBuilder(SshAttributes attributes, ExecSpec spec) {
    this.attributes = attributes;
    this.spec = spec;
  }

  /**
   * Names the channel, so that one user can run several commands at once on its connection; {@code
   * awaitExit()} with the same name waits for this one (default "default").
   */
  public SshStartActionBuilder channelName(String name) {
    return new SshStartActionBuilder(attributes.withChannelName(Timeouts.channelName(name)), spec);
  }

  /**
   * How long the server may take to accept the command (default: the protocol's requestTimeout).
   */
  public SshStartActionBuilder timeout(Duration timeout) {
    return new SshStartActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)), spec);
  }

  /**
   * Sends this text (EL, encoded with the protocol's charset) on the command's stdin once the
   * server accepted the command, then EOF. Sent as the server's window allows, without blocking.
   */
  public SshStartActionBuilder stdin(String text) {
    return with(ExecSetup.stdin(spec, text));
  }

  /** Sends these bytes, computed from the session, on the command's stdin, then EOF. */
  public SshStartActionBuilder stdin(Function<Session, byte[]> bytes) {
    return with(ExecSetup.stdin(spec, bytes));
  }

  /**
   * Sends this local file (EL path) on the command's stdin, then EOF; read asynchronously, a chunk
   * at a time. A path without EL must exist when the simulation is built.
   */
  public SshStartActionBuilder stdinFile(String path) {
    return with(ExecSetup.stdinFile(spec, path));
  }

  /**
   * Asks for a pseudo-terminal (xterm, 80x24) before the command, for commands that need one
   * (sudo); stderr then arrives merged into stdout.
   */
  public SshStartActionBuilder pty() {
    return with(spec.withPty());
  }

  /**
   * Sends an environment variable (value: EL) before the command. The server sets only those it
   * accepts (OpenSSH: {@code AcceptEnv} in sshd_config) and ignores the others silently.
   */
  public SshStartActionBuilder env(String name, String value) {
    return with(ExecSetup.env(spec, name, value));
  }

  private SshStartActionBuilder with(ExecSpec newSpec) {
    return new SshStartActionBuilder(attributes, newSpec);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    ExecSpec s = spec;
    return new SshActionBuilder<>(
        attributes, (a, components, ctx, next) -> new StartAction(a, s, components, ctx, next));
  }
}
