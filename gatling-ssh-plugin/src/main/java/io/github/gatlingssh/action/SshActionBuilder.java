package io.github.gatlingssh.action;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.exec.AwaitExitAction;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.StartAction;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;

/**
 * Gatling's side of an SSH DSL builder: builds the action once per scenario, with the protocol's
 * components.
 */
public final class SshActionBuilder implements ActionBuilder {

  /** Makes the action of one verb. */
  @FunctionalInterface
  public interface Factory {
    /** The action of one request in a scenario, before {@code next}. */
    Action create(
        SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next);
  }

  private final SshAttributes attributes;
  private final Factory factory;

  /** The builder of the actions {@code factory} makes, with these attributes. */
  public SshActionBuilder(SshAttributes attributes, Factory factory) {
    this.attributes = attributes;
    this.factory = factory;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SshComponents components = ctx.protocolComponentsRegistry().components(SshProtocol.KEY);
    return factory.create(attributes, components, ctx, next);
  }

  /** connect(): see {@link ConnectAction}. */
  public static ActionBuilder connect(SshAttributes a) {
    return new SshActionBuilder(a, ConnectAction::new);
  }

  /** connect().timePhases(): see {@link ConnectAction}; also logs the handshake's phases. */
  public static ActionBuilder connect(SshAttributes a, boolean timePhases) {
    return new SshActionBuilder(
        a,
        (attributes, components, ctx, next) ->
            new ConnectAction(attributes, timePhases, components, ctx, next));
  }

  /** exec(command): see {@link ExecAction}. */
  public static ActionBuilder exec(SshAttributes a) {
    return new SshActionBuilder(a, ExecAction::new);
  }

  /** start(command): see {@link StartAction}. */
  public static ActionBuilder start(SshAttributes a) {
    return new SshActionBuilder(a, StartAction::new);
  }

  /** awaitExit(): see {@link AwaitExitAction}. */
  public static ActionBuilder awaitExit(SshAttributes a) {
    return new SshActionBuilder(a, AwaitExitAction::new);
  }

  /** disconnect(): see {@link DisconnectAction}. */
  public static ActionBuilder disconnect(SshAttributes a) {
    return new SshActionBuilder(a, DisconnectAction::new);
  }
}
