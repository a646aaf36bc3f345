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

/**
 * The base of the actions on exec channels: starting a command, and ending a request with the
 * command's exit.
 */
abstract class CommandAction extends SshAction {

  /**
   * Sends a command on the user's open connection, set up as {@code options} say; {@code start} is
   * the request's start time.
   */
  @FunctionalInterface
  interface Send {
    void send(SshConnection connection, String commandLine, ExecOptions options, long start);
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
   * Gatling crash), then, when the request is sent, hands them to {@code send} with the user's open
   * connection, or logs the request KO when the user has none.
   */
  final Validation<Runnable> onConnection(
      Session session, String request, ExecSpec spec, Send send) {
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
          if (connection != null) {
            send.send(connection, commandLine, value(options), start);
          }
        });
  }

  /**
   * Starts a command with the protocol's charset and output limit, set up as {@code options} say.
   */
  final RemoteCommand startCommand(
      SshConnection connection, String commandLine, ExecOptions options) {
    SshProtocol protocol = components.protocol();
    return connection.exec(
        commandLine, protocol.output().charset(), protocol.output().maxOutputLength(), options);
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
