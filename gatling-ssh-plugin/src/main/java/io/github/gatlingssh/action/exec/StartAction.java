package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.UserState;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;

/**
 * start(command): opens a channel and sends the command; OK when the server accepted it. The
 * command keeps running and its output keeps streaming in until awaitExit().
 */
public final class StartAction extends CommandAction {
  private final SshAttributes attributes;
  private final ExecSpec spec;
  private final String key;
  private final Duration timeout;

  /** Builds the action of one {@code start} in a scenario. */
  public StartAction(
      SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    this(attributes, ExecSpec.NONE, components, ctx, next);
  }

  /** Builds the action of one {@code start} with stdin, a PTY or environment variables. */
  public StartAction(
      SshAttributes attributes,
      ExecSpec spec,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super("sshStart", attributes.requestName(), components, ctx, next);
    this.attributes = attributes;
    this.spec = spec;
    this.key = UserState.commandKey(attributes.connectionName(), attributes.channelName());
    this.timeout = requestTimeout(attributes);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return onConnection(
        session,
        request,
        attributes,
        spec,
        (connection, commandLine, options, start) -> {
          String channelName = attributes.channelName();
          if (UserState.command(session, attributes.connectionName(), channelName) != null) {
            done(
                session,
                request,
                start,
                start,
                new SshFailure(
                    SshFailure.Step.EXEC,
                    "a command started on channel '"
                        + channelName
                        + "' was not awaited: add awaitExit() before starting another, or use channelName(..)"));
            return;
          }
          RemoteCommand rc = startCommand(connection, commandLine, options);
          whenDone(
              session,
              rc.accepted(timeout),
              SshFailure.Step.EXEC,
              (ignored, failure, end) -> {
                if (failure != null) {
                  done(session, request, start, end, failure);
                } else {
                  done(session.set(key, rc), request, start, end, (String) null);
                }
              });
        });
  }
}
