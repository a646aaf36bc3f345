package io.github.gatlingssh.action;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.exec.AwaitExitAction;
import io.github.gatlingssh.action.exec.ExecAction;
import io.github.gatlingssh.action.exec.ExecSpec;
import io.github.gatlingssh.action.scp.ScpAction;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.action.sftp.SftpAction;
import io.github.gatlingssh.action.sftp.SftpRequest;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;

/**
 * Gatling's side of an SSH DSL builder: builds the action once per scenario, with the protocol's
 * components.
 *
 * @param <A> the request's attributes, as the DSL built them
 */
public final class SshActionBuilder<A> implements ActionBuilder {

  /** Makes the action of one verb. */
  @FunctionalInterface
  public interface Factory<A> {
    /** The action of one request in a scenario, before {@code next}. */
    Action create(A attributes, SshComponents components, ScenarioContext ctx, Action next);
  }

  private final A attributes;
  private final Factory<A> factory;

  /** The builder of the actions {@code factory} makes, with these attributes. */
  public SshActionBuilder(A attributes, Factory<A> factory) {
    this.attributes = attributes;
    this.factory = factory;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SshComponents components = ctx.protocolComponentsRegistry().components(SshProtocol.KEY);
    return factory.create(attributes, components, ctx, next);
  }

  /**
   * connect(): see {@link ConnectAction}; with {@code timePhases}, also logs the handshake's
   * phases.
   */
  public static ActionBuilder connect(SshAttributes a, boolean timePhases) {
    return new SshActionBuilder<>(
        a,
        (attributes, components, ctx, next) ->
            new ConnectAction(attributes, timePhases, components, ctx, next));
  }

  /** exec(command) or start(command), with the command's set-up: see {@link ExecAction}. */
  public static ActionBuilder command(ExecAction.Verb verb, SshAttributes a, ExecSpec spec) {
    return new SshActionBuilder<>(
        a,
        (attributes, components, ctx, next) ->
            new ExecAction(verb, attributes, spec, components, ctx, next));
  }

  /** awaitExit(): see {@link AwaitExitAction}. */
  public static ActionBuilder awaitExit(SshAttributes a) {
    return new SshActionBuilder<>(a, AwaitExitAction::new);
  }

  /** disconnect(): see {@link DisconnectAction}. */
  public static ActionBuilder disconnect(SshAttributes a) {
    return new SshActionBuilder<>(a, DisconnectAction::new);
  }

  /** An SFTP request: see {@link SftpAction}. */
  public static ActionBuilder sftp(SftpRequest request) {
    return new SshActionBuilder<>(request, SftpAction::new);
  }

  /** An SCP request: see {@link ScpAction}. */
  public static ActionBuilder scp(ScpRequest request) {
    return new SshActionBuilder<>(request, ScpAction::new);
  }
}
