package io.github.gatlingssh.action.exec;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.UserState;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.SshComponents;

/**
 * awaitExit(): waits for the started command's output to end, its exit status and its channel's
 * close; the checks apply here. Timed from this request's start, so a command that already ended
 * takes ~0 ms.
 */
public final class AwaitExitAction extends CommandAction {
  private final String key;

  /** Builds the action of one {@code awaitExit} in a scenario. */
  public AwaitExitAction(
      SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("sshAwaitExit", attributes, components, ctx, next);
    this.key = UserState.commandKey(attributes.connectionName(), attributes.channelName());
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return success(
        () -> {
          long start = now();
          RemoteCommand rc =
              UserState.command(session, attributes.connectionName(), attributes.channelName());
          Session without = session.remove(key);
          if (rc == null) {
            refuse(
                without,
                request,
                start,
                SshFailure.Step.EXEC,
                "no command started on channel '"
                    + attributes.channelName()
                    + "': add ssh(..).start(command) before awaitExit()");
            return;
          }
          whenDone(
              session,
              rc.awaitExit(timeout),
              SshFailure.Step.EXEC,
              (result, failure, end) ->
                  finishCommand(without, request, start, end, result, failure));
        });
  }
}
