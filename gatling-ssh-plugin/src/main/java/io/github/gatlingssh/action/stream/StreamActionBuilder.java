package io.github.gatlingssh.action.stream;

import io.gatling.core.action.builder.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.shell.ShellOpenAction;
import io.github.gatlingssh.action.tunnel.TunnelOpenAction;

/** Gatling's side of the shell and tunnel DSL builders: the action of each verb. */
public final class StreamActionBuilder {

  private StreamActionBuilder() {}

  /** open(): a shell or a tunnel, by the attributes' kind. */
  public static ActionBuilder open(StreamAttributes a) {
    return new SshActionBuilder<>(
        a, a.kind() == StreamAttributes.Kind.SHELL ? ShellOpenAction::new : TunnelOpenAction::new);
  }

  /** send(..) and/or expect(..): see {@link SendExpectAction}. */
  public static ActionBuilder sendExpect(StreamAttributes a) {
    return new SshActionBuilder<>(a, SendExpectAction::new);
  }

  /** awaitExit(): see {@link AwaitEndAction}. */
  public static ActionBuilder awaitExit(StreamAttributes a) {
    return new SshActionBuilder<>(a, AwaitEndAction::new);
  }

  /** close(): see {@link CloseAction}. */
  public static ActionBuilder close(StreamAttributes a) {
    return new SshActionBuilder<>(a, CloseAction::new);
  }
}
