package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamAttributes;

/**
 * A named request on an interactive shell, the result of {@code shell("name")}: pick its verb.
 *
 * <pre>{@code
 * .exec(shell("open").open())                                    // PTY xterm 80x24 + shell
 * .exec(shell("prompt").expect("\\$ $"))                         // wait for the prompt
 * .exec(shell("answer").send("echo $((6*7))\n").expect("(?m)^42\\r?$"))
 * .exec(shell("exit").send("exit 3\n").awaitExit().check(exitStatus().is(3)))
 * }</pre>
 *
 * <p>Each expect matches the output received since the previous match (a cursor, as expect(1)). A
 * user holds one shell per name ({@link #shellName}) and connection ({@link #connectionName}); a
 * shell still open when the user ends is closed.
 */
public final class SshShell extends SshStream<SshShell> {

  SshShell(StreamAttributes attributes) {
    super(attributes, SshShell::new);
  }

  /** Names the shell, for users that hold several at once (default "default"). */
  public SshShell shellName(String name) {
    return streamName(name);
  }

  /**
   * Opens a session channel, asks for a PTY and starts the user's shell; OK when the server started
   * it.
   */
  public SshShellOpenActionBuilder open() {
    return new SshShellOpenActionBuilder(attributes);
  }

  /** Waits for the shell to end (e.g. after {@code send("exit\n")}); checks see its exit status. */
  public SshShellAwaitExitActionBuilder awaitExit() {
    return new SshShellAwaitExitActionBuilder(attributes);
  }
}
