package io.github.gatlingssh.client.exec;

import java.util.Map;

/**
 * How an exec channel is set up besides its command, resolved for one virtual user.
 *
 * @param stdin what the command reads on its standard input (then EOF); null: nothing is sent and
 *     stdin stays open, as before
 * @param pty whether to ask for a pseudo-terminal (pty-req) before the command, for commands that
 *     insist on a terminal, such as sudo; stderr then comes merged into stdout
 * @param env environment variables sent (env requests) before the command; the server applies those
 *     it accepts (OpenSSH: AcceptEnv) and silently ignores the others
 */
public record ExecOptions(Stdin stdin, boolean pty, Map<String, String> env) {
  /** A plain exec: no stdin, no PTY, no variables. */
  public static final ExecOptions NONE = new ExecOptions(null, false, Map.of());

  public ExecOptions {
    env = Map.copyOf(env);
  }
}
