package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;

/**
 * exec(command): one request from channel open to channel close: run the command, read its output,
 * check its exit.
 */
public final class ExecAction extends CommandAction {
  private final ExecSpec spec;

  /** Builds the action of one {@code exec} with stdin, a PTY or environment variables. */
  public ExecAction(
      SshAttributes attributes,
      ExecSpec spec,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super("sshExec", attributes, components, ctx, next);
    this.spec = spec;
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return sendCommand(
        session,
        request,
        spec,
        RemoteCommand::completion,
        (rc, result, failure, start, end) ->
            finishCommand(session, request, start, end, result, failure));
  }
}
