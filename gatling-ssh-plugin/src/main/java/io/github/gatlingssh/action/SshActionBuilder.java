package io.github.gatlingssh.action;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.exec.AwaitExitAction;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.StartAction;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;

/** Gatling's side of an SSH DSL builder: builds the action once per scenario, with the protocol's components. */
public final class SshActionBuilder implements ActionBuilder {

  /** Makes the action of one verb. */
  @FunctionalInterface
  public interface Factory {
    Action create(SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next);
  }

  private final SshAttributes attributes;
  private final Factory factory;

  public SshActionBuilder(SshAttributes attributes, Factory factory) {
    this.attributes = attributes;
    this.factory = factory;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SshComponents components = ctx.protocolComponentsRegistry().components(SshProtocol.KEY);
    return factory.create(attributes, components, ctx, next);
  }

  public static ActionBuilder connect(SshAttributes a) {
    return new SshActionBuilder(a, ConnectAction::new);
  }

  public static ActionBuilder exec(SshAttributes a) {
    return new SshActionBuilder(a, ExecAction::new);
  }

  public static ActionBuilder start(SshAttributes a) {
    return new SshActionBuilder(a, StartAction::new);
  }

  public static ActionBuilder awaitExit(SshAttributes a) {
    return new SshActionBuilder(a, AwaitExitAction::new);
  }

  public static ActionBuilder disconnect(SshAttributes a) {
    return new SshActionBuilder(a, DisconnectAction::new);
  }
}
