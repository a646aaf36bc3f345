package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecSpec;
import io.github.gatlingssh.protocol.Param;
import java.util.function.Function;

/**
 * A named SSH request, the result of {@code ssh("name")}: pick its verb.
 *
 * <pre>{@code
 * ssh("auth").connect()
 * ssh("cat").exec("cat #{file}").check(exitStatus().is(0))
 * ssh("execute").start("cat #{file}")
 * ssh("read").awaitExit()
 * ssh("bye").disconnect()
 * }</pre>
 */
public final class Ssh extends SshNamedRequest<Ssh, SshAttributes> {

  Ssh(SshAttributes attributes) {
    super(attributes, Ssh::new, SshAttributes::withConnectionName);
  }

  /**
   * TCP connect, key exchange, host key check and authentication; the connection then belongs to
   * the virtual user.
   */
  public SshConnectActionBuilder connect() {
    return new SshConnectActionBuilder(attributes);
  }

  /**
   * Runs a command on the user's connection (EL): channel open, exec, read stdout/stderr to the
   * end, exit status, close.
   */
  public SshExecActionBuilder exec(String command) {
    return new SshExecActionBuilder(attributes.withCommand(command(command)), ExecSpec.NONE);
  }

  public SshExecActionBuilder exec(Function<Session, String> command) {
    return new SshExecActionBuilder(attributes.withCommand(Param.fn(command)), ExecSpec.NONE);
  }

  /**
   * Starts a command (EL) and completes when the server accepted it; the command keeps running, its
   * output streaming in, until {@link #awaitExit()}.
   */
  public SshStartActionBuilder start(String command) {
    return new SshStartActionBuilder(attributes.withCommand(command(command)), ExecSpec.NONE);
  }

  public SshStartActionBuilder start(Function<Session, String> command) {
    return new SshStartActionBuilder(attributes.withCommand(Param.fn(command)), ExecSpec.NONE);
  }

  /**
   * Waits for the started command to end: output to EOF, exit status, channel closed. Checks apply
   * here.
   */
  public SshAwaitExitActionBuilder awaitExit() {
    return new SshAwaitExitActionBuilder(attributes);
  }

  /** Closes the connection (SSH_MSG_DISCONNECT), and any command still running on it. */
  public SshDisconnectActionBuilder disconnect() {
    return new SshDisconnectActionBuilder(attributes);
  }

  private static Param<String> command(String command) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("the command must not be empty");
    }
    return Param.el(command);
  }
}
