package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;

/**
 * {@code shell("exit").send("exit 3\n").awaitExit().check(exitStatus().is(3))}: waits for the shell
 * to end. Checks: {@code exitStatus()}, {@code exitSignal()}, and the output since the last match
 * ({@code bodyString()}...); without an {@code exitStatus()} check, a non-zero exit status or a
 * signal is a KO. Past the timeout the shell stays open.
 */
public final class SshShellAwaitExitActionBuilder
    extends SshCheckedActionBuilder<SshShellAwaitExitActionBuilder, StreamAttributes> {

  SshShellAwaitExitActionBuilder(StreamAttributes attributes) {
    super(
        attributes,
        RequestSetters.STREAM,
        SshShellAwaitExitActionBuilder::new,
        StreamActionBuilder::awaitExit);
  }
}
