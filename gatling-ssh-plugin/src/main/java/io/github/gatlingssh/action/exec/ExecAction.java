package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;

/**
 * exec(command): one request from channel open to channel close: run the command, read its output,
 * check its exit.
 */
public final class ExecAction extends CommandAction {
  private final SshAttributes attributes;
  private final ExecSpec spec;
  private final Duration timeout;
  private final CommandChecks checks;

  /** Builds the action of one {@code exec} in a scenario. */
  public ExecAction(
      SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    this(attributes, ExecSpec.NONE, components, ctx, next);
  }

  /** Builds the action of one {@code exec} with stdin, a PTY or environment variables. */
  public ExecAction(
      SshAttributes attributes,
      ExecSpec spec,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super("sshExec", attributes.requestName(), components, ctx, next);
    this.attributes = attributes;
    this.spec = spec;
    this.timeout = requestTimeout(attributes);
    this.checks = checks(attributes);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return onConnection(
        session,
        request,
        attributes,
        spec,
        (connection, commandLine, options, start) -> {
          RemoteCommand rc = startCommand(connection, commandLine, options);
          whenDone(
              session,
              rc.completion(timeout),
              SshFailure.Step.EXEC,
              (result, failure, end) ->
                  finishCommand(session, request, start, end, result, failure, checks));
        });
  }
}
