package io.github.gatlingssh.action.exec;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.UserState;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.client.exec.ExecOptions;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.Output;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * exec(command) and start(command): on the user's open connection, opens an exec channel and sends
 * the command with its stdin, PTY and environment variables; then waits for what its {@link Verb}
 * says, within the request's timeout.
 */
public final class ExecAction extends CommandAction {

  /** What the request waits for of its command. */
  public enum Verb {
    /**
     * exec(command): one request from channel open to channel close: run the command, read its
     * output, check its exit.
     */
    EXEC,
    /**
     * start(command): OK when the server accepted the command. The command keeps running and its
     * output keeps streaming in until awaitExit().
     */
    START
  }

  private final Verb verb;
  private final ExecSpec spec;
  private final String key;

  /** Builds the action of one {@code exec} or {@code start} in a scenario. */
  public ExecAction(
      Verb verb,
      SshAttributes attributes,
      ExecSpec spec,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(verb == Verb.EXEC ? "sshExec" : "sshStart", attributes, components, ctx, next);
    this.verb = verb;
    this.spec = spec;
    this.key = UserState.commandKey(attributes.connectionName(), attributes.channelName());
  }

  /**
   * Resolves the request's stdin, PTY and variables, then the command line (EL; a failure is a
   * Gatling crash). When the request is sent: logs it KO when the user has no open connection or
   * {@link #refusal} gives a reason, else starts the command and waits for it; an exec ends with
   * the command's exit, a start keeps the command in the session.
   */
  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    Output output = components.protocol().output();
    Validation<ExecOptions> options = spec.resolve(session, output.charset());
    if (failed(options)) {
      return propagate(options);
    }
    Validation<String> resolved = attributes.command().resolve(session);
    if (failed(resolved)) {
      return propagate(resolved);
    }
    String commandLine = value(resolved);
    return success(
        () -> {
          long start = now();
          SshConnection connection =
              openConnection(session, request, start, attributes.connectionName());
          if (connection == null) {
            return;
          }
          String refusal = refusal(session);
          if (refusal != null) {
            refuse(session, request, start, SshFailure.Step.EXEC, refusal);
            return;
          }
          RemoteCommand rc =
              connection.exec(
                  commandLine, output.charset(), output.maxOutputLength(), value(options));
          CompletableFuture<?> step =
              verb == Verb.EXEC ? rc.completion(timeout) : rc.accepted(timeout);
          whenDone(
              session,
              step,
              SshFailure.Step.EXEC,
              (value, failure, end) -> {
                if (verb == Verb.EXEC) {
                  finishCommand(session, request, start, end, (CommandResult) value, failure);
                } else {
                  keepOrFail(session, key, rc, request, start, end, failure);
                }
              });
        });
  }

  /**
   * Why the command cannot start for this user now, or null when it can: a start refuses while a
   * command started on the same channel was not awaited yet.
   */
  private String refusal(Session session) {
    String channelName = attributes.channelName();
    if (verb == Verb.EXEC
        || UserState.command(session, attributes.connectionName(), channelName) == null) {
      return null;
    }
    return "a command started on channel '"
        + channelName
        + "' was not awaited: add awaitExit() before starting another, or use channelName(..)";
  }
}
