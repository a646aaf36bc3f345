package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import scala.Function1;

/** The base of the actions on exec channels: starting a command, and ending a request with the command's exit. */
abstract class CommandAction extends SshAction {

  CommandAction(String kind, Function1<Session, Validation<String>> requestName, SshComponents components,
      ScenarioContext ctx, Action next) {
    super(kind, requestName, components, ctx, next);
  }

  /** Starts a command with the protocol's charset and output limit. */
  final RemoteCommand startCommand(SshConnection connection, String commandLine) {
    SshProtocol protocol = components.protocol();
    return connection.exec(commandLine, protocol.charset(), protocol.maxOutputLength());
  }

  /**
   * Ends a request that waited for a command's end (on the user's event loop): KO with the
   * failure, or the verdict of its checks.
   */
  final void finishCommand(Session session, String request, long start, long end,
      CommandResult result, SshFailure failure, CommandChecks checks) {
    if (failure != null) {
      done(session, request, start, end, failure);
    } else {
      CommandChecks.Outcome outcome = checks.apply(session, new SshResponse(result, start, end));
      done(outcome.session(), request, start, end, outcome.failure());
    }
  }
}
