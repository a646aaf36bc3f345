package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import io.github.gatlingssh.protocol.Param;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@code exec(..)} ({@link SshExecActionBuilder}) and {@code start(..)} ({@link
 * SshStartActionBuilder}) share: stdin, a pseudo-terminal and environment variables sent with the
 * command. Not meant to be extended outside this package.
 *
 * @param <B> the exec's or start's own builder type, which these methods return
 */
public abstract class SshCommandActionBuilder<B extends SshCommandActionBuilder<B>>
    extends SshRequestActionBuilder<B, SshAttributes> {

  private final ExecSpec spec;
  private final BiFunction<SshAttributes, ExecSpec, B> rebuild;

  /**
   * @param rebuild makes the same kind of builder from other attributes or set-up
   * @param verb exec or start: what the action waits for
   */
  SshCommandActionBuilder(
      SshAttributes attributes,
      ExecSpec spec,
      BiFunction<SshAttributes, ExecSpec, B> rebuild,
      ExecAction.Verb verb) {
    super(
        attributes,
        RequestSetters.SSH,
        a -> rebuild.apply(a, spec),
        a -> SshActionBuilder.command(verb, a, spec));
    this.spec = spec;
    this.rebuild = rebuild;
  }

  private B with(ExecSpec newSpec) {
    return rebuild.apply(request, newSpec);
  }

  /**
   * Sends this text (EL, encoded with the protocol's charset) on the command's stdin once the
   * server accepted the command, then EOF. Sent as the server's window allows, without blocking.
   */
  public B stdin(String text) {
    if (text == null) {
      throw new IllegalArgumentException(
          "stdin must not be null: give a text or a Gatling EL string such as #{payload}");
    }
    return with(spec.withStdinText(Param.el(text)));
  }

  /** Sends these bytes, computed from the session, on the command's stdin, then EOF. */
  public B stdin(Function<Session, byte[]> bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("stdin must not be null: give a function of the session");
    }
    return with(spec.withStdinBytes(Param.fn(bytes)));
  }

  /**
   * Sends this local file (EL path) on the command's stdin, then EOF; read asynchronously, a chunk
   * at a time. A path without EL must exist when the simulation is built.
   */
  public B stdinFile(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("stdinFile needs the path of a local file (EL allowed)");
    }
    return with(spec.withStdinFile(Param.el(path)));
  }

  /**
   * Asks for a pseudo-terminal (xterm, 80x24) before the command, for commands that need one
   * (sudo); stderr then arrives merged into stdout.
   */
  public B pty() {
    return with(spec.withPty());
  }

  /**
   * Sends an environment variable (value: EL) before the command. The server sets only those it
   * accepts (OpenSSH: {@code AcceptEnv} in sshd_config) and ignores the others silently.
   */
  public B env(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "env(" + name + ", ..): the value must not be null (EL allowed)");
    }
    return with(spec.withEnv(name, Param.el(value)));
  }
}
