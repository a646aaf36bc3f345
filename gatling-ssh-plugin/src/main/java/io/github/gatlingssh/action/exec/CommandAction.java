package io.github.gatlingssh.action.exec;

import io.gatling.core.action.Action;
import io.gatling.core.check.Check;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;
import java.util.List;

/**
 * The base of the actions on exec channels (exec and start, awaitExit): the request's checks, and
 * the end of a request with the command's exit.
 */
abstract class CommandAction extends SshAction {

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
          session, request, start, end, checks, SshResponse.of(result, start, end), verdict);
    }
  }
}
