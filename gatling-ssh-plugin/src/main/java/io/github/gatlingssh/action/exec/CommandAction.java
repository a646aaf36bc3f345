package io.github.gatlingssh.action.exec;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.check.Check;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.client.exec.ExecOptions;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The base of the actions on exec channels: starting a command, and ending a request with the
 * command's exit.
 */
abstract class CommandAction extends SshAction {

  /** Ends a request once the step it waited for on its command completed (on the user's loop). */
  @FunctionalInterface
  interface Ending<T> {
    /**
     * @param command the command started
     * @param value the step's value, when it succeeded
     * @param failure what failed and where, or null
     */
    void end(RemoteCommand command, T value, SshFailure failure, long start, long end);
  }

  /** The request's attributes, as the DSL built them. */
  final SshAttributes attributes;

  /** The request's timeout (its own or the protocol's requestTimeout). */
  final Duration timeout;

  private final scala.collection.immutable.List<Check<SshResponse>> checks;

  /**
   * Whether a check reads the exit status or signal; without one, a non-zero exit status or a
   * signal is a KO, as Gatling HTTP's default status check.
   */
  private final boolean exitChecked;

  CommandAction(
      String kind,
      SshAttributes attributes,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(kind, attributes.requestName(), components, ctx, next);
    this.attributes = attributes;
    this.timeout = requestTimeout(attributes);
    List<SshCheck> sshChecks =
        SshChecks.toScalaChecks(attributes.checks(), components.protocol().output().charset());
    this.checks = scalaList(sshChecks);
    this.exitChecked = sshChecks.stream().anyMatch(c -> c.scope() == SshCheck.Scope.EXIT);
  }

  /**
   * Resolves the request's stdin, PTY and variables, then the command line (EL; a failure is a
   * Gatling crash). When the request is sent: logs it KO when the user has no open connection or
   * {@link #refusal} gives a reason, else starts the command and waits for {@code step} of it
   * within the request's timeout, then {@code ending} ends the request.
   */
  final <T> Validation<Runnable> sendCommand(
      Session session,
      String request,
      ExecSpec spec,
      BiFunction<RemoteCommand, Duration, CompletableFuture<T>> step,
      Ending<T> ending) {
    Validation<ExecOptions> options =
        spec.resolve(session, components.protocol().output().charset());
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
          SshProtocol protocol = components.protocol();
          RemoteCommand rc =
              connection.exec(
                  commandLine,
                  protocol.output().charset(),
                  protocol.output().maxOutputLength(),
                  value(options));
          whenDone(
              session,
              step.apply(rc, timeout),
              SshFailure.Step.EXEC,
              (v, failure, end) -> ending.end(rc, v, failure, start, end));
        });
  }

  /** Why the command cannot start for this user now, or null (the default) when it can. */
  String refusal(Session session) {
    return null;
  }

  /**
   * Ends a request that waited for a command's end (on the user's event loop): KO with the failure,
   * or the verdict of its checks.
   */
  final void finishCommand(
      Session session,
      String request,
      long start,
      long end,
      CommandResult result,
      SshFailure failure) {
    if (failure != null) {
      done(session, request, start, end, failure);
    } else {
      components.metrics().received(result.stdout().bytes() + result.stderr().bytes());
      String verdict = exitChecked || result.succeeded() ? null : result.describeExit();
      doneChecked(
          session, request, start, end, checks, new SshResponse(result, start, end), verdict);
    }
  }
}
