package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.RemoteCommand;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * awaitExit(): waits for the started command's output to end, its exit status and its channel's
 * close; the checks apply here. Timed from this request's start, so a command that already ended
 * takes ~0 ms.
 */
final class AwaitExitAction extends SshAction {
  private final String channelName;
  private final String key;
  private final String connectionName;
  private final Duration timeout;
  private final CommandChecks checks;

  AwaitExitAction(SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("sshAwaitExit", attributes.requestName(), components, ctx, next);
    SshProtocol protocol = components.protocol();
    this.connectionName = attributes.connectionName();
    this.channelName = attributes.channelName();
    this.key = UserState.commandKey(connectionName, channelName);
    this.timeout = attributes.timeout() != null ? attributes.timeout() : protocol.client().requestTimeout();
    this.checks = new CommandChecks(SshChecks.toScalaChecks(attributes.checks(), protocol.output().charset()));
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return success(() -> {
      long start = now();
      RemoteCommand rc = UserState.command(session, connectionName, channelName);
      Session without = session.remove(key);
      if (rc == null) {
        done(without, request, start, start, new SshFailure(SshFailure.Step.EXEC, "no command started on channel '"
            + channelName + "': add ssh(..).start(command) before awaitExit()"));
        return;
      }
      ScheduledFuture<?> timer = rc.completion().isDone() ? null : schedule(session, timeout, () -> rc.cancel(
          new SshFailure(SshFailure.Step.TIMEOUT, "command still running after " + Durations.format(timeout)
              + "; channel closed")));
      rc.completion().whenComplete((result, error) -> {
        long end = now();
        cancel(timer);
        onUserLoop(session, () -> finishCommand(without, request, start, end, result, error, checks));
      });
    });
  }
}
