package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.UserState;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;

/**
 * start(command): opens a channel and sends the command; OK when the server accepted it. The
 * command keeps running and its output keeps streaming in until awaitExit().
 */
public final class StartAction extends CommandAction {
  private final ExecSpec spec;
  private final String key;

  /** Builds the action of one {@code start} with stdin, a PTY or environment variables. */
  public StartAction(
      SshAttributes attributes,
      ExecSpec spec,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super("sshStart", attributes, components, ctx, next);
    this.spec = spec;
    this.key = UserState.commandKey(attributes.connectionName(), attributes.channelName());
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return sendCommand(
        session,
        request,
        spec,
        RemoteCommand::accepted,
        (rc, ignored, failure, start, end) ->
            keepOrFail(session, key, rc, request, start, end, failure));
  }

  /** A command started on the same channel and not awaited yet. */
  @Override
  String refusal(Session session) {
    String channelName = attributes.channelName();
    if (UserState.command(session, attributes.connectionName(), channelName) == null) {
      return null;
    }
    return "a command started on channel '"
        + channelName
        + "' was not awaited: add awaitExit() before starting another, or use channelName(..)";
  }
}
