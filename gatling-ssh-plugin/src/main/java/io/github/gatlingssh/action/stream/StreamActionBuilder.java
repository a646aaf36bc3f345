package io.github.gatlingssh.action.stream;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.shell.ShellOpenAction;
import io.github.gatlingssh.action.tunnel.TunnelOpenAction;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;

/** Gatling's side of a shell or tunnel DSL builder: builds the action once per scenario. */
public final class StreamActionBuilder implements ActionBuilder {

  /** Makes the action of one verb. */
  @FunctionalInterface
  public interface Factory {
    /** The action of one request in a scenario, before {@code next}. */
    Action create(
        StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next);
  }

  private final StreamAttributes attributes;
  private final Factory factory;

  private StreamActionBuilder(StreamAttributes attributes, Factory factory) {
    this.attributes = attributes;
    this.factory = factory;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SshComponents components = ctx.protocolComponentsRegistry().components(SshProtocol.KEY);
    return factory.create(attributes, components, ctx, next);
  }

  /** open(): a shell or a tunnel, by the attributes' kind. */
  public static ActionBuilder open(StreamAttributes a) {
    return new StreamActionBuilder(
        a, a.kind() == StreamAttributes.Kind.SHELL ? ShellOpenAction::new : TunnelOpenAction::new);
  }

  /** send(..) and/or expect(..): see {@link SendExpectAction}. */
  public static ActionBuilder sendExpect(StreamAttributes a) {
    return new StreamActionBuilder(a, SendExpectAction::new);
  }

  /** awaitExit(): see {@link AwaitEndAction}. */
  public static ActionBuilder awaitExit(StreamAttributes a) {
    return new StreamActionBuilder(a, AwaitEndAction::new);
  }

  /** close(): see {@link CloseAction}. */
  public static ActionBuilder close(StreamAttributes a) {
    return new StreamActionBuilder(a, CloseAction::new);
  }
}
